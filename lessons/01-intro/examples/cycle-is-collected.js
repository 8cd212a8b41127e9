// Two objects that point at each other, and nothing else pointing at them.
if (typeof gc !== 'function') {
  console.error('Run this with: node --expose-gc cycle-is-collected.js');
  process.exit(1);
}

function makePair() {
  const parent = { name: 'parent' };
  const child = { name: 'child', parent };
  parent.child = child; // a reference cycle
  // Weak references let us watch the pair without keeping it alive.
  return { parentRef: new WeakRef(parent), childRef: new WeakRef(child) };
}

async function main() {
  const { parentRef, childRef } = makePair();
  console.log('right after creation:', parentRef.deref()?.name, childRef.deref()?.name);

  // Let the current task finish: a target that deref() returned stays alive until then.
  await new Promise((resolve) => setTimeout(resolve, 0));
  gc();

  console.log('after a collection:', parentRef.deref(), childRef.deref());
  console.log('the cycle did not keep the pair alive');
}

main();
