// Two deref() calls agree within one synchronous job. Put an await between them and the
// first check no longer protects the second read.
if (typeof gc !== 'function') {
  console.error('Run this with: node --expose-gc across-await.js');
  process.exit(1);
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

function makeRef() {
  // weakref/weak-target-unreachable, on purpose: nobody else holds this object.
  return new WeakRef({ name: 'temporary' });
}

async function main() {
  const ref = makeRef();
  await tick(); // start a fresh job

  if (ref.deref() !== undefined) {
    gc(); // same job: the target is kept for us until the job ends
    console.log('same job, second read:', ref.deref()?.name);

    await tick(); // the job ends here
    gc();
    // weakref/unsafe-deref flags `ref.deref().name` here: the check above no longer holds.
    console.log('after an await, second read:', ref.deref()?.name);
  }
}

main();
