// Using deref()'s result without checking it works until the day the target is collected.
if (typeof gc !== 'function') {
  console.error('Run this with: node --expose-gc dead-ref-throws.js');
  process.exit(1);
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

function greet(ref) {
  // weakref/unsafe-deref: deref() may return undefined here.
  console.log('hello,', ref.deref().name);
}

async function main() {
  let user = { name: 'Ada' };
  const ref = new WeakRef(user);
  greet(ref); // fine: user is alive

  user = null;
  await tick();
  gc();
  greet(ref); // TypeError: the target is gone
}

main();
