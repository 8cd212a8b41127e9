// A FinalizationRegistry is an ordinary object: once nothing refers to it, it can be collected,
// and a registry that has been collected calls nothing, whatever happens to its targets.
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

function watch(target, name) {
  // The registry lives only in this call: nothing keeps it after watch() returns.
  const registry = new FinalizationRegistry((held) => console.log('cleanup:', held));
  registry.register(target, name);
  return new WeakRef(registry); // a spectator, so the example can tell when it has gone
}

const kept = new FinalizationRegistry((held) => console.log('cleanup:', held));

async function main() {
  let first = { name: 'first' };
  let second = { name: 'second' };
  const lostRegistry = watch(first, 'first, from a registry nobody kept');
  kept.register(second, 'second, from a registry that is still referenced');

  await tick();
  gc(); // both targets are still alive; the unreferenced registry goes
  console.log('registry still there?', lostRegistry.deref() !== undefined);

  first = null;
  second = null;
  await tick();
  gc(); // both targets go now
  await tick();
  console.log('done; only the kept registry called back');
}

main();
