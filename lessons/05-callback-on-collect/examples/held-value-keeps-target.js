// A held value that refers to its target keeps the target alive: the callback never runs.
if (typeof gc !== 'function') {
  console.error('Run this with: node --expose-gc held-value-keeps-target.js');
  process.exit(1);
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const calls = [];
const registry = new FinalizationRegistry((held) => calls.push(held.label));

function register() {
  const good = { id: 1 };
  const bad = { id: 2 };
  registry.register(good, { label: 'good: holds only an id', id: good.id });
  // weakref/register-holds-target: the registry holds this object strongly, and it holds `bad`.
  registry.register(bad, { label: 'bad: holds the target', target: bad });
  return [new WeakRef(good), new WeakRef(bad)];
}

async function main() {
  const [goodRef, badRef] = register();
  for (let i = 0; i < 5; i++) {
    await tick();
    gc();
  }
  for (let i = 0; i < 50 && calls.length === 0; i++) await tick();
  console.log('callbacks that ran:', calls);
  console.log('good target collected:', goodRef.deref() === undefined);
  console.log('bad target collected:', badRef.deref() === undefined);
}

main();
