// A collection test that can never pass: new WeakRef() and deref() keep the target alive until
// the current job ends, so gc() in the same job cannot collect it.
if (typeof gc !== 'function') {
  console.error('Run this with: node --expose-gc same-job-gc.js');
  process.exit(1);
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

function collectedBug() {
  let target = { big: 'data' };
  const ref = new WeakRef(target);
  target = null;
  gc();
  // weakref/collected-in-same-job (deliberate): the WeakRef was made in this job, so this is always false.
  return ref.deref() === undefined;
}

async function collectedFix() {
  let target = { big: 'data' };
  const ref = new WeakRef(target);
  target = null;
  for (let i = 0; i < 5; i++) {
    await tick(); // end the job first: only then may the target go
    gc();
    if (ref.deref() === undefined) return true;
  }
  return false;
}

async function main() {
  for (let run = 1; run <= 3; run++) console.log(`bug, run ${run}: collected?`, collectedBug());
  console.log('fix: collected?', await collectedFix());
}

main();
