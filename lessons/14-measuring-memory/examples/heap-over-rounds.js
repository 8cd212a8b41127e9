// Measure it: fill a cache round after round, collect, and read the heap. A weak-value cache
// stays flat; a strong one grows by what it holds. The numbers go to the lesson's chart; the
// printed conclusions use wide margins, so they are the same on every run.
if (typeof gc !== 'function') {
  console.error('Run this with: node --expose-gc heap-over-rounds.js');
  process.exit(1);
}
const fs = require('fs');

const ROUNDS = 10;
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const heapMB = () => process.memoryUsage().heapUsed / (1024 * 1024);

function makeReport(round) {
  // About 2 MB on the V8 heap: 250,000 doubles.
  return Array.from({ length: 250_000 }, (_, i) => i * 0.5 + round);
}

class StrongCache {
  #map = new Map();
  set(key, value) {
    this.#map.set(key, value);
  }
  get size() {
    return this.#map.size;
  }
}

class WeakCache {
  #map = new Map();
  #registry = new FinalizationRegistry(({ key, ref }) => {
    if (this.#map.get(key) === ref) this.#map.delete(key);
  });
  set(key, value) {
    const ref = new WeakRef(value);
    this.#map.set(key, ref);
    this.#registry.register(value, { key, ref });
  }
  get size() {
    return this.#map.size;
  }
}

async function settle() {
  for (let i = 0; i < 3; i++) {
    await tick();
    gc();
  }
}

async function measure(cache) {
  await settle();
  const start = heapMB();
  const growth = [];
  for (let round = 1; round <= ROUNDS; round++) {
    cache.set(`report-${round}`, makeReport(round)); // nobody else keeps the report
    await settle();
    growth.push(Math.round((heapMB() - start) * 10) / 10);
  }
  return growth;
}

async function main() {
  const weak = await measure(new WeakCache());
  const strongCache = new StrongCache();
  const strong = await measure(strongCache);

  const weakMax = Math.max(...weak);
  const strongLast = strong[strong.length - 1];
  console.log(`rounds: ${ROUNDS}, about 2 MB of fresh data per round`);
  console.log('weak cache: heap growth stayed under 3 MB:', weakMax < 3);
  console.log('strong cache: heap grew by more than 12 MB:', strongLast > 12);
  console.log('strong cache still holds every report:', strongCache.size === ROUNDS);

  if (process.env.WEAKREF_CHART_FILE) {
    fs.writeFileSync(
      process.env.WEAKREF_CHART_FILE,
      JSON.stringify({
        title: 'Heap growth after each round (after gc())',
        unit: 'MB',
        xLabel: 'round',
        series: [
          { name: 'weak-value cache', values: weak },
          { name: 'strong Map cache', values: strong },
        ],
      }),
    );
  }
}

main();
