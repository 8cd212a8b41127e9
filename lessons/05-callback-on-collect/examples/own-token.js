// An unregister token is held weakly, like the target. So the target itself can be its own token:
// unregister(target) works while you still have the target, and costs it nothing.
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

const registry = new FinalizationRegistry((held) => console.log('cleanup:', held));

async function main() {
  let closed = { name: 'closed' };
  let forgotten = { name: 'forgotten' };
  registry.register(closed, 'closed connection', closed); // its own token
  registry.register(forgotten, 'forgotten connection', forgotten);

  console.log('unregister(closed):', registry.unregister(closed)); // closed properly: cancel
  closed = null;
  forgotten = null; // being its own token does not keep it alive
  await tick();
  gc();
  await tick();

  // A separate token is held weakly too: once it is gone the registration can no longer be
  // cancelled, but it still stands.
  let target = { name: 'target' };
  let token = {};
  registry.register(target, 'target whose token was lost', token);
  const tokenWatcher = new WeakRef(token); // a spectator, to see the token go
  token = null;
  await tick();
  gc();
  console.log('token collected while registered:', tokenWatcher.deref() === undefined);
  target = null;
  await tick();
  gc();
  await tick();
  console.log('done');
}

main();
