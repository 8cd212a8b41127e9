// Checks for the game object registry exercise. Objects under test are created inside small
// functions that return, so only the registry could keep them alive.
const show = (v) => (v && typeof v === 'object' ? JSON.stringify(v) : String(v));
function expect(actual, expected, what) {
  if (actual !== expected) throw new Error(`${what}: expected ${show(expected)}, got ${show(actual)}`);
}
async function until(tools, condition, rounds = 40) {
  for (let i = 0; i < rounds && !condition(); i++) await tools.settle(1);
  return condition();
}
const fakeClock = (t) => ({ t, now() { return this.t; } });

module.exports = [
  {
    id: 'ids',
    requirement: 'register() returns ids 1, 2, 3, … and get(id) returns the registered object while it lives.',
    async run(load) {
      const { GameObjectRegistry } = load();
      const registry = new GameObjectRegistry();
      const a = { name: 'a' };
      const b = { name: 'b' };
      expect(registry.register(a), 1, 'the first id');
      expect(registry.register(b, { tags: ['enemy'] }), 2, 'the second id');
      expect(registry.get(1), a, 'get(1)');
      expect(registry.get(2), b, 'get(2)');
      expect(registry.get(3), undefined, 'get() of an id never handed out');
    },
  },
  {
    id: 'not-kept-alive',
    requirement: 'The registry does not keep registered objects alive.',
    async run(load, tools) {
      const { GameObjectRegistry } = load();
      const registry = new GameObjectRegistry();
      const ref = (() => {
        const orc = { name: 'orc' };
        registry.register(orc, { tags: ['enemy'] });
        return new WeakRef(orc);
      })();
      await tools.settle();
      expect(ref.deref(), undefined, 'a registered object nobody else holds, after a collection');
    },
  },
  {
    id: 'find-by-tag',
    requirement: 'findByTag(tag) returns the live objects with that tag, in registration order, and skips collected ones.',
    async run(load, tools) {
      const { GameObjectRegistry } = load();
      const registry = new GameObjectRegistry();
      const hero = { name: 'hero' };
      const troll = { name: 'troll' };
      registry.register(hero, { tags: ['player'] });
      registry.register(troll, { tags: ['enemy', 'big'] });
      (() => registry.register({ name: 'goblin' }, { tags: ['enemy'] }))();
      await tools.settle();
      const enemies = registry.findByTag('enemy');
      expect(enemies.length, 1, 'the number of live enemies');
      expect(enemies[0], troll, 'the live enemy');
      expect(registry.findByTag('player')[0], hero, 'the player');
      expect(registry.findByTag('nobody').length, 0, 'an unknown tag');
    },
  },
  {
    id: 'created-at',
    requirement: 'createdAt(id) is the time of registration (from this.now()), and undefined once the object is gone.',
    async run(load, tools) {
      const { GameObjectRegistry } = load();
      const clock = fakeClock(5000);
      const registry = new GameObjectRegistry({ now: () => clock.now() });
      const castle = { name: 'castle' };
      const id = registry.register(castle);
      clock.t = 9000;
      const lost = (() => registry.register({ name: 'arrow' }))();
      expect(registry.createdAt(id), 5000, 'createdAt of the first object');
      await tools.settle();
      expect(registry.createdAt(lost), undefined, 'createdAt of a collected object');
      expect(registry.get(id), castle, 'the castle is still there');
    },
  },
  {
    id: 'on-collected',
    requirement: 'onCollected(id, tags) is called after an object has been collected.',
    async run(load, tools) {
      const { GameObjectRegistry } = load();
      const calls = [];
      const registry = new GameObjectRegistry({ onCollected: (id, tags) => calls.push(`${id}:${tags.join('+')}`) });
      const keep = { name: 'keep' };
      registry.register(keep, { tags: ['player'] });
      (() => registry.register({ name: 'bat' }, { tags: ['enemy', 'flying'] }))();
      const called = await until(tools, () => calls.length > 0);
      if (!called) throw new Error('onCollected was never called for an object that was collected');
      expect(calls.join(' '), '2:enemy+flying', 'the onCollected calls');
    },
  },
  {
    id: 'stats',
    requirement: 'stats() reports { live, collected }: live objects, and how many collections were noticed.',
    async run(load, tools) {
      const { GameObjectRegistry } = load();
      const registry = new GameObjectRegistry();
      const a = { n: 1 };
      const b = { n: 2 };
      registry.register(a);
      registry.register(b);
      (() => {
        registry.register({ n: 3 });
        registry.register({ n: 4 });
      })();
      await until(tools, () => registry.stats().collected === 2);
      const stats = registry.stats();
      expect(stats.live, 2, 'stats().live');
      expect(stats.collected, 2, 'stats().collected');
    },
  },
  {
    id: 'dead-before-cleanup',
    requirement: 'Right after a collection, before its cleanup callback has run, get(), findByTag() and stats().live already leave the collected object out.',
    async run(load, tools) {
      const { GameObjectRegistry } = load();
      const registry = new GameObjectRegistry();
      const keep = { name: 'wolf' };
      registry.register(keep, { tags: ['enemy'] });
      const lost = (() => registry.register({ name: 'ghost' }, { tags: ['enemy'] }))();
      await new Promise((resolve) => setTimeout(resolve, 0)); // end the task: the kept objects are let go
      tools.gc();
      // No await since the collection, so no cleanup callback can have run yet: only deref() knows.
      expect(registry.get(lost), undefined, 'get() of the collected object');
      expect(registry.findByTag('enemy').length, 1, 'the number of live enemies');
      expect(registry.stats().live, 1, 'stats().live');
    },
  },
];
