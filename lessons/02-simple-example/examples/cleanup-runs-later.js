// JavaScript has no destructor. A FinalizationRegistry callback is the nearest thing, and
// it runs on its own schedule: never inside gc(), only later, as a separate task.
if (typeof gc !== 'function') {
  console.error('Run this with: node --expose-gc cleanup-runs-later.js');
  process.exit(1);
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
let cleanedUp = false;

const registry = new FinalizationRegistry((heldValue) => {
  cleanedUp = true;
  console.log('cleanup callback ran for:', heldValue);
});

function openSession() {
  const session = { user: 'Ada' };
  // The held value is what the callback receives; it must not be the session itself.
  registry.register(session, 'session of Ada');
}

async function main() {
  openSession();
  await tick();
  gc();
  console.log('gc() has returned; callback ran already?', cleanedUp);

  // Give the engine a few turns of the event loop to schedule the callback.
  for (let i = 0; i < 50 && !cleanedUp; i++) await tick();
  console.log('after waiting a little, callback ran?', cleanedUp);
}

main();
