// A value that fell out of the strong slots is not lost while another part of the program
// still holds it; it goes, and its entry with it, once the last holder lets go.
if (typeof gc !== 'function') {
  console.error('Run this with: node --expose-gc held-elsewhere.js');
  process.exit(1);
}
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

class SmartCache {
  #refs = new Map(); // key -> WeakRef(value)
  #recent = []; // the maxStrong values used last, held strongly
  #registry = new FinalizationRegistry(({ key, ref }) => {
    if (this.#refs.get(key) === ref) this.#refs.delete(key); // only if it is still our entry
  });
  constructor(maxStrong) {
    this.maxStrong = maxStrong;
  }
  set(key, value) {
    const ref = new WeakRef(value);
    this.#refs.set(key, ref);
    this.#registry.register(value, { key, ref });
    this.#recent = [...this.#recent.filter((v) => v !== value), value].slice(-this.maxStrong);
  }
  keys() {
    return [...this.#refs.keys()].join(', '); // unlike get(), makes nothing recent
  }
}

async function main() {
  const cache = new SmartCache(1); // a single strong slot
  let viewer = { doc: { name: 'report' } }; // an open viewer holds the report
  cache.set('report', viewer.doc);
  cache.set('draft', { name: 'draft' }); // nobody else holds the draft
  cache.set('logo', { name: 'logo' }); // the most recent value takes the strong slot
  // End the task (the kept objects are let go), collect, and let the cleanup callbacks run.
  for (let i = 0; i < 10; i++) { await tick(); gc(); }
  console.log('while the viewer is open:', cache.keys());

  viewer = null; // the last holder of the report lets go
  for (let i = 0; i < 10; i++) { await tick(); gc(); }
  console.log('after the viewer closed:', cache.keys());
}
main();
