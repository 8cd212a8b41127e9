// Runs a Python exercise's checks (checks.py) against the learner's file in a child python3,
// through the one process runner (a time limit that ends everything the learner's code started).
// Results come over a pipe of their own (fd 3 of the child), so whatever the learner's code
// prints stays output and cannot fake a pass. Pure Node: no vscode.
import { promises as fs } from 'fs';
import * as path from 'path';
import { PYTHON_PROGRAM, startRun } from '../process/run';
import { CheckProtocol, MAX_OUTPUT_CHARS, missingFileReport, ProtocolReader, withHarnessFolder } from './checkProtocol';
import { PYTHON_HARNESS_SOURCE } from './pythonHarness';
import type { CheckReport } from './types';

export interface PythonCheckOptions {
  /** The python executable: a name on PATH or an absolute path. */
  pythonCommand: string;
  checksFile: string;
  solutionFile: string;
  timeoutMs: number;
}

export async function runPythonChecks(opts: PythonCheckOptions): Promise<CheckReport> {
  const checksFile = path.resolve(opts.checksFile);
  const solutionFile = path.resolve(opts.solutionFile);
  const missing = await missingFileReport(checksFile, solutionFile);
  if (missing) return missing;
  return withHarnessFolder('weakref-pycheck-', async (dir) => {
    const harness = path.join(dir, 'harness.py');
    await fs.writeFile(harness, PYTHON_HARNESS_SOURCE);
    const protocol = new CheckProtocol();
    // The harness moves fd 3 out of the learner's reach before their code runs, so no marker is needed.
    const reader = new ProtocolReader('', (m) => void protocol.onMessage(m));
    // -u: unbuffered; -X utf8: the same text whatever the locale.
    const run = startRun(opts.pythonCommand, ['-u', '-X', 'utf8', harness, '3', checksFile, solutionFile], {
      program: PYTHON_PROGRAM,
      cwd: path.dirname(solutionFile),
      timeoutMs: opts.timeoutMs,
      tailChars: MAX_OUTPUT_CHARS,
      channel: true,
      onChannel: (text) => reader.push(text),
    });
    return protocol.report(await run.done, opts.timeoutMs, 'python');
  });
}
