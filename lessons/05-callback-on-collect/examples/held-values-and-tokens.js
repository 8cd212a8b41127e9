// A FinalizationRegistry calls back with a held value, never with the target, and an
// unregister token cancels a registration that is no longer needed.
if (typeof gc !== 'function') {
  console.error('Run this with: node --expose-gc held-values-and-tokens.js');
  process.exit(1);
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const reported = [];

const registry = new FinalizationRegistry((heldValue) => {
  reported.push(heldValue);
});

function openConnections() {
  const a = { name: 'connection A' };
  const b = { name: 'connection B' };
  // Held values are plain data describing the target; the token is any object we keep.
  registry.register(a, 'A was collected');
  const tokenB = {};
  registry.register(b, 'B was collected', tokenB);
  // B is closed properly, so its safety net is cancelled.
  console.log('unregister B:', registry.unregister(tokenB));
  console.log('unregister B again:', registry.unregister(tokenB));
}

async function main() {
  openConnections();
  await tick();
  gc();
  for (let i = 0; i < 50 && reported.length === 0; i++) await tick();
  console.log('callbacks received:', reported);
}

main();
