// The same kind of object stored in a Map and in a WeakMap: only the Map keeps it alive.
if (typeof gc !== 'function') {
  console.error('Run this with: node --expose-gc strong-and-weak.js');
  process.exit(1);
}

const strongTable = new Map();
const weakTable = new WeakMap();

function remember() {
  const inMap = { label: 'kept by a Map' };
  const inWeakMap = { label: 'noted in a WeakMap' };
  strongTable.set(inMap, 'some data');
  weakTable.set(inWeakMap, 'some data');
  // WeakRefs only watch: they decide nothing about lifetimes.
  return [new WeakRef(inMap), new WeakRef(inWeakMap)];
}

async function main() {
  const watchers = remember();
  // Nothing outside the two tables refers to the objects now.
  await new Promise((resolve) => setTimeout(resolve, 0));
  gc();
  for (const ref of watchers) {
    const target = ref.deref();
    console.log(target ? `alive: ${target.label}` : 'collected: the WeakMap entry went with its key');
  }
  console.log('entries in the Map:', strongTable.size);
}

main();
