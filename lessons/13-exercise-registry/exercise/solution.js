// A reference solution for the game object registry.
class GameObjectRegistry {
  #entries = new Map(); // id -> { ref: WeakRef(object), tags, createdAt }
  #nextId = 1;
  #collected = 0;
  // The held value is the id and the tags: never the object, or it would live for ever.
  #registry = new FinalizationRegistry(({ id, tags }) => {
    this.#entries.delete(id);
    this.#collected += 1;
    this.onCollected(id, tags);
  });

  constructor({ now = Date.now, onCollected = () => {} } = {}) {
    this.now = now;
    this.onCollected = onCollected;
  }

  register(object, { tags = [] } = {}) {
    const id = this.#nextId++;
    const entryTags = [...tags];
    this.#entries.set(id, { ref: new WeakRef(object), tags: entryTags, createdAt: this.now() });
    this.#registry.register(object, { id, tags: entryTags });
    return id;
  }

  get(id) {
    return this.#entries.get(id)?.ref.deref();
  }

  findByTag(tag) {
    const found = [];
    for (const entry of this.#entries.values()) {
      if (!entry.tags.includes(tag)) continue;
      const object = entry.ref.deref();
      if (object !== undefined) found.push(object);
    }
    return found;
  }

  createdAt(id) {
    const entry = this.#entries.get(id);
    return entry && entry.ref.deref() !== undefined ? entry.createdAt : undefined;
  }

  stats() {
    let live = 0;
    for (const entry of this.#entries.values()) if (entry.ref.deref() !== undefined) live += 1;
    return { live, collected: this.#collected };
  }
}

module.exports = { GameObjectRegistry };
