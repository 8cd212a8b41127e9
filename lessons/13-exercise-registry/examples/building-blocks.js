// The building blocks of the exercise, on their own: ids that map to WeakRefs, and a
// notification (with the id, never the object) after an object is collected.
if (typeof gc !== 'function') {
  console.error('Run this with: node --expose-gc building-blocks.js');
  process.exit(1);
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const byId = new Map(); // id -> WeakRef(object)
const notices = [];
const registry = new FinalizationRegistry((id) => {
  byId.delete(id);
  notices.push(`object #${id} was collected`);
});

let nextId = 1;
function track(object) {
  const id = nextId++;
  byId.set(id, new WeakRef(object));
  registry.register(object, id);
  return id;
}

async function main() {
  const hero = { kind: 'player' };
  track(hero);
  (() => track({ kind: 'enemy' }))(); // nobody keeps the enemy

  await tick();
  gc();
  for (let i = 0; i < 50 && notices.length === 0; i++) await tick();
  console.log(notices.join('\n'));
  console.log('ids still tracked:', [...byId.keys()].join(', '));
  console.log('the hero is', byId.get(1)?.deref()?.kind);
}

main();
