// Node, unlike process.exit(), lets a program that ends by itself run the cleanups of targets
// that were already collected. A target that was never collected still gets none.
const registry = new FinalizationRegistry((name) => {
  console.log('cleanup:', name);
});

const kept = { name: 'kept until the end' };
registry.register(kept, kept.name);

process.on('exit', () => {
  console.log(`exiting with "${kept.name}" still alive`);
});

setTimeout(() => {
  // The timer's function uses the registry, so the registry stays reachable until it has run.
  (function () {
    const dropped = { name: 'dropped in the last task' };
    registry.register(dropped, dropped.name);
  })();
  gc(); // the dropped object is collected here; its cleanup is queued for after this task
  console.log('collected; the program now ends by itself');
});
