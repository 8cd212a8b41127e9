// Two deref() calls agree within one task (and the microtasks it queues). Put an await of a
// timer between them and the first check no longer protects the second read.
if (typeof gc !== 'function') {
  console.error('Run this with: node --expose-gc across-await.js');
  process.exit(1);
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

async function main() {
  let target = { name: 'temporary' };
  const ref = new WeakRef(target);
  await tick(); // start a fresh task

  if (ref.deref() !== undefined) {
    target = null; // from here on, nothing but the WeakRef refers to the object
    gc(); // same task: the target is kept for us until the task and its microtasks are over
    console.log('same task, second read:', ref.deref()?.name);

    await tick(); // the task ends here; the rest runs in a timer's task
    gc();
    // weakref/unsafe-deref flags `ref.deref().name` here: the check above no longer holds.
    console.log('after an await, second read:', ref.deref()?.name);
  }
}

main();
