// Runs a Python exercise's checks (checks.py) against the learner's file in a child python3,
// with a time limit. Results come over a pipe of their own (fd 3 of the child), so whatever the
// learner's code prints stays output and cannot fake a pass. Pure Node: no vscode.
import { spawn } from 'child_process';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { formatSeconds, MAX_OUTPUT_CHARS } from './checker';
import { PYTHON_HARNESS_SOURCE } from './pythonHarness';
import type { CheckReport, CheckResult } from './types';

export interface PythonCheckOptions {
  /** The python executable: a name on PATH or an absolute path. */
  pythonCommand: string;
  checksFile: string;
  solutionFile: string;
  timeoutMs: number;
}

interface Message {
  t: 'checks' | 'start' | 'result' | 'done' | 'fatal';
  checks?: { id: string; requirement: string }[];
  i?: number;
  passed?: boolean;
  message?: string;
  error?: string;
}

export async function runPythonChecks(opts: PythonCheckOptions): Promise<CheckReport> {
  const checksFile = path.resolve(opts.checksFile);
  const solutionFile = path.resolve(opts.solutionFile);
  for (const [file, what] of [[checksFile, 'The checks file'], [solutionFile, 'The solution file']] as const) {
    const stat = await fs.stat(file).catch(() => undefined);
    if (!stat?.isFile()) return { results: [], error: `${what} ${file} does not exist.` };
  }
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'weakref-pycheck-'));
  try {
    const harness = path.join(dir, 'harness.py');
    await fs.writeFile(harness, PYTHON_HARNESS_SOURCE);
    let checks: { id: string; requirement: string }[] | undefined;
    const done = new Map<number, CheckResult>();
    let running: number | undefined;
    let finished = false;
    let fatal: string | undefined;
    let output = '';
    const addOutput = (text: string) => {
      output = (output + text).slice(0, MAX_OUTPUT_CHARS + 1);
    };
    const onMessage = (m: Message) => {
      if (m.t === 'checks' && Array.isArray(m.checks)) checks = m.checks;
      else if (m.t === 'start' && typeof m.i === 'number') running = m.i;
      else if (m.t === 'result' && typeof m.i === 'number' && checks?.[m.i]) {
        const { id, requirement } = checks[m.i];
        done.set(m.i, { id, requirement, passed: m.passed === true, ...(m.passed === true ? {} : { message: typeof m.message === 'string' ? m.message : 'failed' }) });
        running = undefined;
      } else if (m.t === 'done') finished = true;
      else if (m.t === 'fatal') fatal = typeof m.error === 'string' ? m.error : 'The checks could not run.';
    };

    const outcome = await new Promise<{ spawnError?: NodeJS.ErrnoException; code: number | null; timedOut: boolean }>((resolve) => {
      let timedOut = false;
      let child: ReturnType<typeof spawn>;
      try {
        // -u: unbuffered; -X utf8: the same text whatever the locale.
        child = spawn(opts.pythonCommand, ['-u', '-X', 'utf8', harness, '3', checksFile, solutionFile], {
          cwd: path.dirname(solutionFile),
          stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
          shell: false,
          windowsHide: true,
        });
      } catch (e) {
        resolve({ spawnError: e as NodeJS.ErrnoException, code: null, timedOut: false });
        return;
      }
      const timer = setTimeout(() => {
        timedOut = true;
        child.kill('SIGKILL');
      }, opts.timeoutMs);
      let pending = '';
      const channel = child.stdio[3] as NodeJS.ReadableStream;
      channel.setEncoding('utf8');
      channel.on('data', (chunk: string) => {
        pending += chunk;
        let nl: number;
        while ((nl = pending.indexOf('\n')) >= 0) {
          const line = pending.slice(0, nl);
          pending = pending.slice(nl + 1);
          try {
            onMessage(JSON.parse(line) as Message);
          } catch {
            // Only the harness writes here; a torn line is ignored rather than trusted.
          }
        }
      });
      child.stdout!.setEncoding('utf8');
      child.stderr!.setEncoding('utf8');
      child.stdout!.on('data', addOutput);
      child.stderr!.on('data', addOutput);
      child.on('error', (e) => {
        clearTimeout(timer);
        resolve({ spawnError: e, code: null, timedOut });
      });
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve({ code, timedOut });
      });
    });

    const report: CheckReport = { results: [] };
    const text = output.replace(/\s+$/, '');
    if (text) report.output = text.length > MAX_OUTPUT_CHARS ? `${text.slice(0, MAX_OUTPUT_CHARS)}\n… (output cut after ${MAX_OUTPUT_CHARS} characters)` : text;
    if (outcome.spawnError) {
      report.error = outcome.spawnError.code === 'ENOENT'
        ? `Python was not found at "${opts.pythonCommand}". Install Python 3.8 or later, or set "weakrefLessons.pythonPath".`
        : `Python at "${opts.pythonCommand}" could not be started: ${outcome.spawnError.message}`;
      return report;
    }
    if (fatal) return { ...report, error: fatal };
    const limit = formatSeconds(opts.timeoutMs);
    if (!checks) return { ...report, error: outcome.timedOut ? `The checks did not finish within ${limit} and were stopped.` : `The checks stopped before they started (python exited with code ${outcome.code}).` };
    const why = outcome.timedOut ? `did not finish within ${limit}: is there an endless loop?` : `the checks stopped here (python exited with code ${outcome.code})`;
    report.results = checks.map((c, i) => done.get(i) ?? { ...c, passed: false, message: i === running ? why : 'not run: the checks stopped before this one' });
    if (!finished) report.error = outcome.timedOut ? `The checks did not finish within ${limit} and were stopped. Is there an endless loop?` : `The checks stopped before the end (python exited with code ${outcome.code}).`;
    return report;
  } finally {
    await fs.rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}
