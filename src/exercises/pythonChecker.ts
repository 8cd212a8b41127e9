// Runs a Python exercise's checks (checks.py) against the learner's file in a child python3,
// through the one process runner (a time limit that ends everything the learner's code started).
// Results come over a pipe of their own, with the marker and the order of the JavaScript harness
// (checkProtocol.ts), so whatever the learner's code prints stays output and cannot fake a pass.
// Pure Node: no vscode.
import * as path from 'path';
import { PYTHON_PROGRAM } from '../process/run';
import { missingFileReport, runHarness } from './checkProtocol';
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
  return runHarness({
    prefix: 'weakref-pycheck-',
    harnessName: 'harness.py',
    harnessSource: PYTHON_HARNESS_SOURCE,
    command: opts.pythonCommand,
    // -u: unbuffered; -X utf8: the same text whatever the locale.
    args: (harness) => ['-u', '-X', 'utf8', harness, '3', checksFile, solutionFile],
    program: PYTHON_PROGRAM,
    programName: 'python',
    cwd: path.dirname(solutionFile),
    timeoutMs: opts.timeoutMs,
  });
}
