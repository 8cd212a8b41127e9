// Registering a target twice makes two registrations: two callbacks once it is collected. In
// which order the callbacks of one collection run is not specified, so this example collects
// what arrives and sorts it before printing.
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

const arrived = [];
const registry = new FinalizationRegistry((held) => arrived.push(held));

async function main() {
  let ada = { name: 'Ada' };
  let bob = { name: 'Bob' };
  registry.register(ada, 'Ada: close her socket');
  registry.register(ada, 'Ada: flush her log'); // the same target again: a second registration
  registry.register(bob, 'Bob: close his socket');

  ada = null;
  bob = null;
  await tick();
  gc();
  await tick();
  console.log(`${arrived.length} callbacks, in an order of the engine's choosing:`);
  for (const held of arrived.sort()) console.log(' ', held);
}

main();
