// The safe pattern: read the WeakRef once into a const, check it, then use the const.
if (typeof gc !== 'function') {
  console.error('Run this with: node --expose-gc read-once.js');
  process.exit(1);
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

function greet(ref) {
  const user = ref.deref();
  if (user === undefined) {
    console.log('the user has gone; nothing to greet');
    return;
  }
  // From here on `user` is a strong reference: the object cannot vanish under us.
  console.log('hello,', user.name);
}

async function main() {
  let user = { name: 'Ada' };
  const ref = new WeakRef(user);
  greet(ref);

  user = null;
  await tick();
  gc();
  greet(ref);
}

main();
