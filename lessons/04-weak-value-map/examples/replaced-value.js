// Why the cleanup checks which WeakRef the map holds: a key can get a new value before the
// old value's cleanup runs. A naive cleanup would delete the new entry.
if (typeof gc !== 'function') {
  console.error('Run this with: node --expose-gc replaced-value.js');
  process.exit(1);
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

function makeMap(careful) {
  const refs = new Map();
  const registry = new FinalizationRegistry(({ key, ref }) => {
    if (!careful || refs.get(key) === ref) refs.delete(key);
  });
  return {
    refs,
    set(key, value) {
      const ref = new WeakRef(value);
      refs.set(key, ref);
      // No unregister here, on purpose: the old value's cleanup stays pending.
      registry.register(value, { key, ref });
    },
  };
}

async function tryIt(careful) {
  const map = makeMap(careful);
  map.set('user', { name: 'first' }); // nobody keeps this one
  const second = { name: 'second' };
  map.set('user', second); // replaces it before the first one's cleanup has run

  await tick();
  gc(); // the first value is collected, its cleanup is queued
  for (let i = 0; i < 50; i++) await tick();

  const found = map.refs.get('user')?.deref();
  console.log(`${careful ? 'careful' : 'naive  '} cleanup: 'user' ->`, found ? found.name : 'missing!');
  return second; // keep the second value alive until the check is done
}

tryIt(false).then(() => tryIt(true));
