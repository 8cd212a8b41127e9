// Exercise: a registry of game objects that does not keep them alive.
//
// This first version works, but it holds every object strongly in a Map, so nothing that was
// ever registered can be collected, and it never notices when an object goes away. Change it
// so that it meets every requirement in the lesson:
//
//   register(obj, { tags })  -> a new id (1, 2, 3, ...); does not keep obj alive
//   get(id)                  -> the object, or undefined once it has been collected
//   findByTag(tag)           -> the live objects with that tag, in registration order
//   createdAt(id)            -> when the object was registered (this.now()), or undefined once collected
//   stats()                  -> { live, collected }, where collected counts the cleanups that ran
//   options.onCollected(id, tags) is called after an object has been collected
//
// Use this.now() for the time: the checks pass in a fake clock.

class GameObjectRegistry {
  #objects = new Map(); // id -> { object, tags, createdAt }
  #nextId = 1;

  constructor({ now = Date.now, onCollected = () => {} } = {}) {
    this.now = now;
    this.onCollected = onCollected;
  }

  register(object, { tags = [] } = {}) {
    const id = this.#nextId++;
    this.#objects.set(id, { object, tags: [...tags], createdAt: this.now() });
    return id;
  }

  get(id) {
    return this.#objects.get(id)?.object;
  }

  findByTag(tag) {
    const found = [];
    for (const entry of this.#objects.values()) {
      if (entry.tags.includes(tag)) found.push(entry.object);
    }
    return found;
  }

  createdAt(id) {
    return this.#objects.get(id)?.createdAt;
  }

  stats() {
    return { live: this.#objects.size, collected: 0 };
  }
}

module.exports = { GameObjectRegistry };
