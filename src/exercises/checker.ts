// Runs an exercise's checks against the learner's file in a child process under --expose-gc,
// with a time limit, through the one process runner (src/process/run): no shell, and the time
// limit ends everything the learner's code started. Pure Node (no vscode). The harness talks
// on its own pipe (fd 3) with a secret marker, so nothing the learner's code prints can pass
// for a result; what checks in the learner's own process can promise is in docs/EXERCISES.md.
import { randomBytes } from 'crypto';
import { promises as fs } from 'fs';
import * as path from 'path';
import { startRun, type Run } from '../process/run';
import { CheckProtocol, MAX_OUTPUT_CHARS, missingFileReport, ProtocolReader, withHarnessFolder } from './checkProtocol';
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

  return withHarnessFolder('weakref-check-', async (dir) => {
    // .cjs: CommonJS even if some package.json above the temp folder says "type": "module".
    const harness = path.join(dir, 'harness.cjs');
    await fs.writeFile(harness, HARNESS_SOURCE);
    // A fresh marker per run, in a file the harness deletes before the learner's code loads:
    // in no argument, no environment variable and no stream that code can read.
    const marker = `@@weakref-check-${randomBytes(16).toString('hex')}@@`;
    const markerFile = path.join(dir, 'marker');
    await fs.writeFile(markerFile, marker, { mode: 0o600 });
    const nodeArgs = opts.nodeArgs ?? [];
    const args = [
      ...(nodeArgs.includes('--expose-gc') ? nodeArgs : ['--expose-gc', ...nodeArgs]),
      harness,
      checksFile,
      solutionFile,
    ];

    const protocol = new CheckProtocol();
    let run: Run | undefined;
    const reader = new ProtocolReader(marker, (m) => {
      // The harness waits to be killed, so whatever the learner's code started dies with it.
      if (protocol.onMessage(m)) run?.stop();
    });
    run = startRun(opts.nodeCommand, args, {
      cwd: path.dirname(solutionFile),
      env: { [HARNESS_ENV.markerFile]: markerFile, [HARNESS_ENV.budgetMs]: String(opts.timeoutMs) },
      timeoutMs: opts.timeoutMs,
      tailChars: MAX_OUTPUT_CHARS,
      channel: true,
      onChannel: (text) => reader.push(text),
    });
    return protocol.report(await run.done, opts.timeoutMs, 'node');
  });
}
