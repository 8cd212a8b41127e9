// Two deref() calls agree within one synchronous job. Put an await between them and the
// first check no longer protects the second read.
if (typeof gc !== 'function') {
  console.error('Run this with: node --expose-gc across-await.js');
  process.exit(1);
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

async function main() {
  let target = { name: 'temporary' };
  const ref = new WeakRef(target);
  await tick(); // start a fresh job

  if (ref.deref() !== undefined) {
    target = null; // from here on, nothing but the WeakRef refers to the object
    gc(); // same job: the target is kept for us until the job ends
    console.log('same job, second read:', ref.deref()?.name);

    await tick(); // the job ends here
    gc();
    // weakref/unsafe-deref flags `ref.deref().name` here: the check above no longer holds.
    console.log('after an await, second read:', ref.deref()?.name);
  }
}

main();
