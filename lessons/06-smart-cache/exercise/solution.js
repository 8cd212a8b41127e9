// A reference solution: SmartCache with an expiry time.
class SmartCache {
  #entries = new Map(); // key -> { ref: WeakRef(value), storedAt }
  #recent = []; // most recently used values, held strongly, most recent last
  #registry = new FinalizationRegistry(({ key, ref }) => {
    if (this.#entries.get(key)?.ref === ref) this.#entries.delete(key);
  });

  constructor({ maxStrong = 2, ttlMs = Infinity, now = Date.now } = {}) {
    this.maxStrong = maxStrong;
    this.ttlMs = ttlMs;
    this.now = now;
  }

  get(key) {
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    const value = entry.ref.deref();
    if (value === undefined) return undefined;
    if (this.now() - entry.storedAt > this.ttlMs) {
      // Expired: forget it, and stop holding its value strongly.
      this.#entries.delete(key);
      this.#registry.unregister(entry.ref);
      this.#recent = this.#recent.filter((v) => v !== value);
      return undefined;
    }
    this.#touch(value);
    return value;
  }

  has(key) {
    return this.get(key) !== undefined;
  }

  set(key, value) {
    const old = this.#entries.get(key);
    if (old) this.#registry.unregister(old.ref);
    const ref = new WeakRef(value);
    this.#entries.set(key, { ref, storedAt: this.now() });
    this.#registry.register(value, { key, ref }, ref);
    this.#touch(value);
  }

  #touch(value) {
    this.#recent = this.#recent.filter((v) => v !== value);
    this.#recent.push(value);
    if (this.#recent.length > this.maxStrong) this.#recent.shift();
  }
}

module.exports = { SmartCache };
