// How many lint workers a run starts (--concurrency). `auto` follows ESLint 9's own rule: one
// worker per 50 files that need linting, at most half the cores. ESLint's `off` lints on the main
// thread; here the engine always runs in a worker (for its large stack), so `off` is one worker.
import { availableParallelism } from 'os';

export type Concurrency = 'auto' | 'off' | number;

export const AUTO_FILES_PER_WORKER = 50;

/** The number of workers for `jobs` files that need the engine: 0 when none does. */
export function workerCount(concurrency: Concurrency, jobs: number, cores = availableParallelism()): number {
  if (jobs === 0) return 0;
  if (concurrency === 'off') return 1;
  if (concurrency === 'auto') return Math.max(1, Math.min(cores >> 1, Math.ceil(jobs / AUTO_FILES_PER_WORKER)));
  return Math.max(1, Math.min(concurrency, jobs));
}
