// A FinalizationRegistry is not a destructor: process.exit() drops every pending cleanup, and a
// target that is still alive at the end never gets one. Nothing below ever prints "cleanup".
const registry = new FinalizationRegistry((name) => {
  console.log('cleanup:', name); // never reached in this program
});

// Still alive at exit: the exit handler below refers to it, so it is reachable to the last line.
const kept = { name: 'kept until the end' };
registry.register(kept, kept.name);

(function () {
  const dropped = { name: 'dropped early' };
  registry.register(dropped, dropped.name);
})();

process.on('exit', () => {
  console.log(`exiting with "${kept.name}" still alive; no cleanup callback has run`);
});
console.log('registered two objects, one of them already unreachable');
gc(); // collects the dropped object; its cleanup is now pending, queued for later
process.exit(0); // ends the program before anything queued can run
