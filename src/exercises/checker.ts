// Runs an exercise's checks against the learner's file in a child process under --expose-gc,
// with a time limit, through the one process runner (src/process/run): no shell, and the time
// limit ends everything the learner's code started. Pure Node (no vscode). The harness talks
// on its own pipe (fd 3) with a secret marker, so nothing the learner's code prints can pass
// for a result; what checks in the learner's own process can promise is in docs/EXERCISES.md.
import * as path from 'path';
import { NODE_PROGRAM } from '../process/run';
import { missingFileReport, runHarness } from './checkProtocol';
import { HARNESS_ENV, HARNESS_SOURCE } from './harness';
import type { CheckReport } from './types';

export { formatSeconds } from '../process/run';
export { MAX_OUTPUT_CHARS } from './checkProtocol';

export interface CheckOptions {
  /** The node executable: a name on PATH or an absolute path. */
  nodeCommand: string;
  /** node options placed before the harness; --expose-gc is added when missing. */
  nodeArgs?: string[];
  /** The lesson's checks.js. */
  checksFile: string;
  /** The learner's file; the checks run with its folder as the working directory. */
  solutionFile: string;
  /** The whole run is stopped after this long (the harness also gives each check a share). */
  timeoutMs: number;
}

export async function runChecks(opts: CheckOptions): Promise<CheckReport> {
  const checksFile = path.resolve(opts.checksFile);
  const solutionFile = path.resolve(opts.solutionFile);
  const missing = await missingFileReport(checksFile, solutionFile);
  if (missing) return missing;

  const nodeArgs = opts.nodeArgs ?? [];
  return runHarness({
    prefix: 'weakref-check-',
    // .cjs: CommonJS even if some package.json above the temp folder says "type": "module".
    harnessName: 'harness.cjs',
    harnessSource: HARNESS_SOURCE,
    command: opts.nodeCommand,
    args: (harness) => [
      ...(nodeArgs.includes('--expose-gc') ? nodeArgs : ['--expose-gc', ...nodeArgs]),
      harness,
      checksFile,
      solutionFile,
    ],
    program: NODE_PROGRAM,
    programName: 'node',
    cwd: path.dirname(solutionFile),
    timeoutMs: opts.timeoutMs,
    env: { [HARNESS_ENV.budgetMs]: String(opts.timeoutMs) },
  });
}
