// A FinalizationRegistry is not a destructor: when the program ends, pending and future
// cleanups are simply dropped. Nothing below ever prints "cleanup".
const registry = new FinalizationRegistry((name) => {
  console.log('cleanup:', name); // never reached in this program
});

const kept = { name: 'kept until the end' };
registry.register(kept, kept.name);

(function () {
  const dropped = { name: 'dropped early' };
  registry.register(dropped, dropped.name);
})();

process.on('exit', () => {
  console.log('the process is exiting; no cleanup callback has run');
});
console.log('registered two objects, one of them already unreachable');
