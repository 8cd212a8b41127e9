// Testing the WeakRef object instead of its target: a WeakRef is an object, so it is always
// truthy, even when its target is long gone.
if (typeof gc !== 'function') {
  console.error('Run this with: node --expose-gc always-truthy.js');
  process.exit(1);
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

class Listener {
  constructor(owner) {
    this.ownerRef = new WeakRef(owner);
  }
  aliveBug() {
    // weakref/weak-ref-always-truthy (deliberate): tests the WeakRef, not its target.
    return this.ownerRef ? 'alive' : 'gone';
  }
  aliveFix() {
    return this.ownerRef.deref() !== undefined ? 'alive' : 'gone';
  }
}

async function main() {
  let owner = { name: 'window 1' };
  const listener = new Listener(owner);
  console.log('owner held:   bug says', listener.aliveBug() + ', fix says', listener.aliveFix());
  owner = null;
  for (let i = 0; i < 5 && listener.ownerRef.deref() !== undefined; i++) {
    await tick(); // end the job: deref() no longer keeps the owner alive
    gc();
  }
  console.log('owner dropped: bug says', listener.aliveBug() + ', fix says', listener.aliveFix());
}

main();
