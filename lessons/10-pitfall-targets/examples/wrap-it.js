// The way out for a primitive: wrap it in an object and hold the wrapper. But the wrapper's
// lifetime is now the one that counts, so someone must keep the wrapper, not the string.
if (typeof gc !== 'function') {
  console.error('Run this with: node --expose-gc wrap-it.js');
  process.exit(1);
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

class UserId {
  constructor(value) {
    this.value = value;
  }
}

async function main() {
  const kept = new UserId('u1'); // this object stands for the id while we hold it
  const keptRef = new WeakRef(kept);
  const loneRef = new WeakRef(new UserId('u2')); // weakref/weak-target-unreachable
  await tick();
  gc();
  console.log('held wrapper:', keptRef.deref()?.value ?? 'collected');
  console.log('unheld wrapper:', loneRef.deref()?.value ?? 'collected');
  console.log('still ours:', kept.value);
}

main();
