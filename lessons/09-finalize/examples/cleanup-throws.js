// A cleanup callback that throws takes the whole Node process down with it.
const registry = new FinalizationRegistry((name) => {
  throw new Error(`could not close ${name}`);
});

setTimeout(() => {
  (function () {
    const database = { file: 'data.db' }; // dropped when this function returns
    registry.register(database, database.file);
  })();
  gc();
  console.log('collected; the cleanup runs after this task');
  setTimeout(() => console.log('this timer never fires'), 100);
});
