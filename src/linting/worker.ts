// The lint worker's entry point (bundled as dist/lintWorker.js): a LintSession on a thread.
import { parentPort } from 'worker_threads';
import { LintSession } from './lintSession';
import type { WorkerRequest } from './protocol';

const session = new LintSession();

parentPort?.on('message', (req: WorkerRequest) => {
  if (req.type === 'forget') session.forget(req.key);
  else parentPort?.postMessage(session.lint(req));
});
