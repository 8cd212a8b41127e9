// A cache that holds its values weakly, except for the few used most recently, which it
// keeps strongly so that a burst of repeated lookups does not reload them.
if (typeof gc !== 'function') {
  console.error('Run this with: node --expose-gc smart-cache.js');
  process.exit(1);
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

class SmartCache {
  #refs = new Map(); // key -> WeakRef(value): every value, weakly
  #recent = []; // the last few values used, strongly, most recent last
  #registry = new FinalizationRegistry(({ key, ref }) => {
    if (this.#refs.get(key) === ref) this.#refs.delete(key);
  });

  constructor(maxStrong) {
    this.maxStrong = maxStrong;
  }

  get(key) {
    const value = this.#refs.get(key)?.deref();
    if (value !== undefined) this.#touch(value);
    return value;
  }

  set(key, value) {
    const ref = new WeakRef(value);
    this.#refs.set(key, ref);
    this.#registry.register(value, { key, ref });
    this.#touch(value);
  }

  #touch(value) {
    this.#recent = this.#recent.filter((v) => v !== value);
    this.#recent.push(value);
    if (this.#recent.length > this.maxStrong) this.#recent.shift();
  }
}

let loads = 0;
function loadReport(id) {
  loads += 1;
  return { id, rows: new Array(1000).fill(id) }; // something worth caching
}

const cache = new SmartCache(2);
function getReport(id) {
  let report = cache.get(id);
  if (report === undefined) {
    report = loadReport(id);
    cache.set(id, report);
  }
  return report;
}

async function main() {
  for (const id of ['jan', 'feb', 'mar', 'apr']) getReport(id);
  console.log('loads after the first pass:', loads);

  await tick();
  gc();
  // jan and feb fell out of the two strong slots and nobody else holds them.
  for (const id of ['jan', 'feb', 'mar', 'apr']) console.log(id, cache.get(id) ? 'cached' : 'collected');

  getReport('jan');
  console.log('loads after asking for jan again:', loads);
}

main();
