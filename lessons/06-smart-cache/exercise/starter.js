// Exercise: give SmartCache an expiry time.
//
// The cache below works like the one in the lesson: every value is held weakly, and the
// `maxStrong` most recently used values are also held strongly. Your task is to add
// `ttlMs` (time to live, in milliseconds):
//
//   1. get(key) and has(key) treat an entry older than ttlMs as missing, even if its value
//      is still in memory, and remove it.
//   2. When an entry expires, the cache no longer holds its value strongly.
//   3. set(key, value) on an existing key starts its time again.
//
// Read the time with this.now() (never Date.now() directly): the checks pass in a fake clock.
// Press "Check my solution" in the lesson to run the checks against this file.

class SmartCache {
  #refs = new Map(); // key -> WeakRef(value)
  #recent = []; // most recently used values, held strongly, most recent last
  #registry = new FinalizationRegistry(({ key, ref }) => {
    if (this.#refs.get(key) === ref) this.#refs.delete(key);
  });

  constructor({ maxStrong = 2, ttlMs = Infinity, now = Date.now } = {}) {
    this.maxStrong = maxStrong;
    this.ttlMs = ttlMs;
    this.now = now;
  }

  get(key) {
    // TODO: an entry older than this.ttlMs counts as missing.
    const value = this.#refs.get(key)?.deref();
    if (value !== undefined) this.#touch(value);
    return value;
  }

  has(key) {
    return this.get(key) !== undefined;
  }

  set(key, value) {
    // TODO: remember when this entry was stored.
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

module.exports = { SmartCache };
