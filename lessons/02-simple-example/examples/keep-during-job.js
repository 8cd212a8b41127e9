// Within one synchronous job, a target that deref() returned cannot disappear, even if
// gc() runs in between. Once the job is over, it can.
if (typeof gc !== 'function') {
  console.error('Run this with: node --expose-gc keep-during-job.js');
  process.exit(1);
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

function makeRef() {
  // weakref/weak-target-unreachable, on purpose: nothing else will ever hold this object.
  return new WeakRef({ id: 7 });
}

function lookTwice(ref) {
  // Neither read is stored anywhere: no strong reference to the target exists.
  const before = ref.deref() !== undefined;
  gc(); // a full collection, in the middle of the job
  const after = ref.deref() !== undefined;
  console.log('same job: alive before gc():', before, '- alive after gc():', after);
}

async function main() {
  const ref = makeRef();
  await tick(); // start from a fresh job, so only lookTwice's own deref() counts

  lookTwice(ref);

  await tick(); // the job ends here; the engine stops keeping the target for us
  gc();
  console.log('next job, after gc():', ref.deref());
}

main();
