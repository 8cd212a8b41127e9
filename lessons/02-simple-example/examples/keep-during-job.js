// Until the microtask queue has drained, a target that deref() returned cannot disappear, even if
// gc() runs in between. Once the task and its microtasks are over, it can.
if (typeof gc !== 'function') {
  console.error('Run this with: node --expose-gc keep-during-job.js');
  process.exit(1);
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

function lookTwice(ref, holder) {
  // The first read happens while the object is still held, so it certainly succeeds.
  const before = ref.deref() !== undefined;
  holder.object = null; // now no strong reference is left, and neither read is stored
  gc(); // a full collection, in the middle of the job
  const after = ref.deref() !== undefined;
  console.log('same task: alive before gc():', before, '- alive after gc():', after);
}

async function main() {
  const holder = { object: { id: 7 } };
  const ref = new WeakRef(holder.object);
  await tick(); // start a fresh job, so only lookTwice's own deref() counts

  lookTwice(ref, holder);

  await null; // a microtask: it runs before the kept list is cleared
  gc();
  console.log('after await null, after gc():', ref.deref() !== undefined);

  await tick(); // a new task: the kept list was cleared before it started
  gc();
  console.log('next task, after gc():', ref.deref());
}

main();
