// Runs an exercise's checks against the learner's file in a child process under --expose-gc,
// with a time limit. Pure Node (no vscode): the learner's code never runs in the extension
// host, no shell ever sees a path, and nothing the learner's code prints or does can fake a
// pass or hang the caller.
import { spawn } from 'child_process';
import { randomBytes } from 'crypto';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { HARNESS_ENV, HARNESS_SOURCE } from './harness';
import type { CheckReport, CheckResult } from './types';

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

/** The learner's output kept in the report; the rest is cut (the checks still see it all). */
export const MAX_OUTPUT_CHARS = 64 * 1024;

interface Message {
  t: 'checks' | 'start' | 'result' | 'done' | 'fatal';
  checks?: { id: string; requirement: string }[];
  i?: number;
  passed?: boolean;
  message?: string;
  error?: string;
}

export function formatSeconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) || s >= 10 ? Math.round(s) : s.toFixed(1)} s`;
}

/** Splits the child's stdout into harness messages and the learner's own output. */
class StdoutReader {
  private pending = '';
  constructor(
    private readonly delimiter: string,
    private readonly onMessage: (m: Message) => void,
    private readonly onOutput: (text: string) => void,
  ) {}

  push(chunk: string): void {
    this.pending += chunk;
    for (;;) {
      const at = this.pending.indexOf(this.delimiter);
      if (at < 0) {
        // Keep a tail that could be the start of a delimiter cut in two by the pipe.
        const keep = Math.min(this.pending.length, this.delimiter.length - 1);
        this.onOutput(this.pending.slice(0, this.pending.length - keep));
        this.pending = this.pending.slice(this.pending.length - keep);
        return;
      }
      const end = this.pending.indexOf('\n', at + this.delimiter.length);
      if (end < 0) {
        this.onOutput(this.pending.slice(0, at));
        this.pending = this.pending.slice(at);
        return;
      }
      this.onOutput(this.pending.slice(0, at));
      const json = this.pending.slice(at + this.delimiter.length, end);
      this.pending = this.pending.slice(end + 1);
      try {
        this.onMessage(JSON.parse(json) as Message);
      } catch {
        // Not ours after all; cannot happen with a random marker, but never crash on it.
      }
    }
  }

  flush(): void {
    this.onOutput(this.pending);
    this.pending = '';
  }
}

interface ChildOutcome {
  spawnError?: NodeJS.ErrnoException;
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
}

export async function runChecks(opts: CheckOptions): Promise<CheckReport> {
  const checksFile = path.resolve(opts.checksFile);
  const solutionFile = path.resolve(opts.solutionFile);
  for (const [file, what] of [
    [checksFile, 'The checks file'],
    [solutionFile, 'The solution file'],
  ] as const) {
    const stat = await fs.stat(file).catch(() => undefined);
    if (!stat?.isFile()) return { results: [], error: `${what} ${file} does not exist.` };
  }

  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'weakref-check-'));
  try {
    // .cjs: CommonJS even if some package.json above the temp folder says "type": "module".
    const harness = path.join(dir, 'harness.cjs');
    await fs.writeFile(harness, HARNESS_SOURCE);
    // A fresh marker per run, never in argv, so the learner's code cannot print a fake result.
    const marker = `@@weakref-check-${randomBytes(16).toString('hex')}@@`;
    const nodeArgs = opts.nodeArgs ?? [];
    const args = [...(nodeArgs.includes('--expose-gc') ? nodeArgs : ['--expose-gc', ...nodeArgs]), harness, checksFile, solutionFile];

    let checks: { id: string; requirement: string }[] | undefined;
    const done = new Map<number, CheckResult>();
    let running: number | undefined;
    let finished = false;
    let fatal: string | undefined;
    let output = '';
    let cut = false;
    const addOutput = (text: string) => {
      if (!text) return;
      if (output.length + text.length <= MAX_OUTPUT_CHARS) output += text;
      else {
        output += text.slice(0, Math.max(0, MAX_OUTPUT_CHARS - output.length));
        cut = true;
      }
    };
    const reader = new StdoutReader(
      `\n${marker} `,
      (m) => {
        if (m.t === 'checks' && Array.isArray(m.checks)) checks = m.checks;
        else if (m.t === 'start' && typeof m.i === 'number') running = m.i;
        else if (m.t === 'result' && typeof m.i === 'number' && checks?.[m.i]) {
          const { id, requirement } = checks[m.i];
          done.set(m.i, { id, requirement, passed: m.passed === true, ...(m.passed === true ? {} : { message: typeof m.message === 'string' ? m.message : 'failed' }) });
          running = undefined;
        } else if (m.t === 'done') finished = true;
        else if (m.t === 'fatal') fatal = typeof m.error === 'string' ? m.error : 'The checks could not run.';
      },
      addOutput,
    );

    const outcome = await new Promise<ChildOutcome>((resolve) => {
      let settled = false;
      let timedOut = false;
      const settle = (o: Omit<ChildOutcome, 'timedOut'>) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve({ ...o, timedOut });
      };
      let child: ReturnType<typeof spawn>;
      try {
        child = spawn(opts.nodeCommand, args, {
          cwd: path.dirname(solutionFile),
          env: { ...process.env, [HARNESS_ENV.marker]: marker, [HARNESS_ENV.budgetMs]: String(opts.timeoutMs) },
          stdio: ['ignore', 'pipe', 'pipe'],
          shell: false,
          windowsHide: true,
        });
      } catch (e) {
        // spawn throws synchronously for some bad arguments (an empty command, a NUL byte).
        resolve({ spawnError: e as NodeJS.ErrnoException, code: null, signal: null, timedOut: false });
        return;
      }
      const timer = setTimeout(() => {
        timedOut = true;
        child.kill('SIGKILL');
      }, opts.timeoutMs);
      child.stdout!.setEncoding('utf8');
      child.stderr!.setEncoding('utf8');
      child.stdout!.on('data', (chunk: string) => reader.push(chunk));
      child.stderr!.on('data', (chunk: string) => addOutput(chunk));
      child.on('error', (e) => settle({ spawnError: e, code: null, signal: null }));
      child.on('close', (code, signal) => settle({ code, signal }));
    });
    reader.flush();

    const report: CheckReport = { results: [] };
    const text = output.replace(/\s+$/, '').replace(/^\s*\n/, '');
    if (text || cut) report.output = cut ? `${text}\n… (output cut after ${MAX_OUTPUT_CHARS} characters)` : text;

    if (outcome.spawnError) {
      const e = outcome.spawnError;
      report.error =
        e.code === 'ENOENT'
          ? `Node.js was not found at "${opts.nodeCommand}". Set "weakrefLessons.nodePath" to the node executable.`
          : `Node.js at "${opts.nodeCommand}" could not be started: ${e.message}`;
      return report;
    }
    if (fatal) {
      report.error = fatal;
      return report;
    }
    if (!checks) {
      report.error = outcome.timedOut
        ? `The checks did not finish within ${formatSeconds(opts.timeoutMs)} and were stopped.`
        : `The checks stopped before they started (${exitText(outcome)}).`;
      return report;
    }
    // Every check is listed: those that ran with their result, the one that was running when
    // the run stopped as failed, and those after it as not run.
    const why = outcome.timedOut ? `did not finish within ${formatSeconds(opts.timeoutMs)}: is there an endless loop?` : `the checks stopped here (${exitText(outcome)})`;
    report.results = checks.map((c, i) => done.get(i) ?? { ...c, passed: false, message: i === running ? why : 'not run: the checks stopped before this one' });
    if (!finished)
      report.error = outcome.timedOut
        ? `The checks did not finish within ${formatSeconds(opts.timeoutMs)} and were stopped. Is there an endless loop?`
        : `The checks stopped before the end (${exitText(outcome)}).`;
    return report;
  } finally {
    await fs.rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}

function exitText(o: ChildOutcome): string {
  if (o.signal) return `node was stopped by ${o.signal}`;
  return `node exited with code ${o.code}`;
}
