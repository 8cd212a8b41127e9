// A stand-in lint worker for LintClient's time-limit tests: it speaks the real protocol over a
// real worker thread, and answers "hang" never and "slow:<ms>" after that many milliseconds.
import { parentPort } from 'worker_threads';
import type { LintResponse, WorkerRequest } from '../../src/linting/protocol';

parentPort?.on('message', (req: WorkerRequest) => {
  if (req.type !== 'lint') return;
  if (req.text === 'hang') for (;;);
  const slow = /^slow:(\d+)$/.exec(req.text);
  if (slow) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(slow[1]));
  parentPort?.postMessage({ id: req.id, findings: [], elapsedMs: 0 } satisfies LintResponse);
});
