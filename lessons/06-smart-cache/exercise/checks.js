// Checks for the smart-cache exercise. Each one builds its own cache with a fake clock, so the
// results never depend on how fast the machine is.
function fakeClock(start = 1000) {
  const clock = { t: start, now: () => clock.t };
  return clock;
}

function expect(actual, expected, what) {
  const show = (v) => (v && typeof v === "object" ? JSON.stringify(v) : String(v));
  if (actual !== expected) throw new Error(`${what}: expected ${show(expected)}, got ${show(actual)}`);
}

module.exports = [
  {
    id: 'fresh-entries',
    requirement: 'An entry younger than ttlMs is returned by get() and reported by has().',
    async run(load) {
      const { SmartCache } = load();
      const clock = fakeClock();
      const cache = new SmartCache({ maxStrong: 2, ttlMs: 500, now: clock.now });
      const report = { month: 'jan' };
      cache.set('jan', report);
      clock.t += 499;
      expect(cache.get('jan'), report, 'get("jan") 499 ms after set');
      expect(cache.has('jan'), true, 'has("jan") 499 ms after set');
    },
  },
  {
    id: 'expired-get',
    requirement: 'get() returns undefined for an entry older than ttlMs, even while its value is still in memory.',
    async run(load) {
      const { SmartCache } = load();
      const clock = fakeClock();
      const cache = new SmartCache({ maxStrong: 2, ttlMs: 500, now: clock.now });
      const report = { month: 'jan' }; // the check keeps it alive on purpose
      cache.set('jan', report);
      clock.t += 501;
      expect(cache.get('jan'), undefined, 'get("jan") 501 ms after set');
    },
  },
  {
    id: 'expired-has',
    requirement: 'has() is false for an expired entry.',
    async run(load) {
      const { SmartCache } = load();
      const clock = fakeClock();
      const cache = new SmartCache({ maxStrong: 2, ttlMs: 100, now: clock.now });
      const report = { month: 'feb' };
      cache.set('feb', report);
      clock.t += 1000;
      expect(cache.has('feb'), false, 'has("feb") long after set');
    },
  },
  {
    id: 'expired-released',
    requirement: 'Once an entry has expired, the cache no longer keeps its value alive.',
    async run(load, tools) {
      const { SmartCache } = load();
      const clock = fakeClock();
      const cache = new SmartCache({ maxStrong: 2, ttlMs: 100, now: clock.now });
      const ref = (() => {
        const report = { month: 'mar' };
        cache.set('mar', report);
        return new WeakRef(report);
      })();
      clock.t += 1000;
      cache.get('mar'); // notices the expiry
      await tools.settle();
      expect(ref.deref(), undefined, 'the expired value after a collection');
    },
  },
  {
    id: 'set-restarts-time',
    requirement: 'Setting a key again starts its time to live again.',
    async run(load) {
      const { SmartCache } = load();
      const clock = fakeClock();
      const cache = new SmartCache({ maxStrong: 2, ttlMs: 500, now: clock.now });
      const first = { v: 1 };
      const second = { v: 2 };
      cache.set('k', first);
      clock.t += 400;
      cache.set('k', second);
      clock.t += 400; // 800 ms after the first set, 400 ms after the second
      expect(cache.get('k'), second, 'get("k") 400 ms after it was set again');
    },
  },
  {
    id: 'still-weak',
    requirement: 'Values that are neither recent nor held elsewhere are still collected (the cache stays weak).',
    async run(load, tools) {
      const { SmartCache } = load();
      const clock = fakeClock();
      const cache = new SmartCache({ maxStrong: 1, ttlMs: 10_000, now: clock.now });
      const oldRef = (() => {
        const old = { n: 'old' };
        cache.set('old', old);
        return new WeakRef(old);
      })();
      const recent = { n: 'recent' };
      cache.set('recent', recent); // pushes "old" out of the single strong slot
      await tools.settle();
      expect(oldRef.deref(), undefined, 'a value pushed out of the strong slots, after a collection');
      expect(cache.get('recent'), recent, 'the recent value');
    },
  },
];
