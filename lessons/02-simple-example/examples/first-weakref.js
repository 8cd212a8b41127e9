// Create a WeakRef, drop the last strong reference, collect, and ask again.
if (typeof gc !== 'function') {
  console.error('Run this with: node --expose-gc first-weakref.js');
  process.exit(1);
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

async function main() {
  let user = { name: 'Ada' };
  const ref = new WeakRef(user);
  console.log('while we hold it:', ref.deref()?.name);

  user = null; // drop the last strong reference

  // End the current job first: an object deref() returned stays alive until the job ends.
  await tick();
  gc();

  console.log('after a collection:', ref.deref());
}

main();
