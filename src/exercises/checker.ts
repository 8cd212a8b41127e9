// Runs an exercise's checks against the learner's file in a child process under --expose-gc,
// with a time limit, through the one process runner (src/process/run): no shell, and the time
// limit ends everything the learner's code started. Pure Node (no vscode). The harness talks
// on its own pipe (fd 3) with a secret marker, so nothing the learner's code prints can pass
// for a result; what checks in the learner's own process can promise is in docs/EXERCISES.md.
import { randomBytes } from 'crypto';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { formatSeconds, startRun, type Run, type RunEnd } from '../process/run';
import { HARNESS_ENV, HARNESS_SOURCE } from './harness';
import type { CheckReport, CheckResult } from './types';

export { formatSeconds } from '../process/run';

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

/** The learner's output kept in the report: its last characters (the checks still see it all). */
export const MAX_OUTPUT_CHARS = 64 * 1024;

interface Message {
  t: 'checks' | 'start' | 'result' | 'done' | 'fatal';
  checks?: { id: string; requirement: string }[];
  i?: number;
  passed?: boolean;
  message?: string;
  error?: string;
}

/** Reads the harness's lines from its pipe; only lines that start with the run's marker count. */
class ProtocolReader {
  private pending = '';
  constructor(
    private readonly marker: string,
    private readonly onMessage: (m: Message) => void,
  ) {}

  push(chunk: string): void {
    this.pending += chunk;
    let end: number;
    while ((end = this.pending.indexOf('\n')) >= 0) {
      const line = this.pending.slice(0, end);
      this.pending = this.pending.slice(end + 1);
      if (!line.startsWith(this.marker + ' ')) continue;
      try {
        this.onMessage(JSON.parse(line.slice(this.marker.length + 1)) as Message);
      } catch {
        // Not ours after all; cannot happen with a secret marker, but never crash on it.
      }
    }
    // A line is at most a few kilobytes; anything longer without a newline is not ours.
    if (this.pending.length > 1024 * 1024) this.pending = '';
  }
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
    // A fresh marker per run, in a file the harness deletes before the learner's code loads:
    // in no argument, no environment variable and no stream that code can read.
    const marker = `@@weakref-check-${randomBytes(16).toString('hex')}@@`;
    const markerFile = path.join(dir, 'marker');
    await fs.writeFile(markerFile, marker, { mode: 0o600 });
    const nodeArgs = opts.nodeArgs ?? [];
    const args = [...(nodeArgs.includes('--expose-gc') ? nodeArgs : ['--expose-gc', ...nodeArgs]), harness, checksFile, solutionFile];

    let checks: { id: string; requirement: string }[] | undefined;
    const done = new Map<number, CheckResult>();
    let running: number | undefined;
    let finished = false;
    let fatal: string | undefined;
    let run: Run | undefined;
    const reader = new ProtocolReader(marker, (m) => {
      if (m.t === 'checks' && Array.isArray(m.checks)) checks = m.checks;
      else if (m.t === 'start' && typeof m.i === 'number') running = m.i;
      else if (m.t === 'result' && typeof m.i === 'number' && checks?.[m.i]) {
        const { id, requirement } = checks[m.i];
        done.set(m.i, { id, requirement, passed: m.passed === true, ...(m.passed === true ? {} : { message: typeof m.message === 'string' ? m.message : 'failed' }) });
        running = undefined;
      } else if (m.t === 'done') finished = true;
      else if (m.t === 'fatal') fatal = typeof m.error === 'string' ? m.error : 'The checks could not run.';
      // The harness waits to be killed, so whatever the learner's code started dies with it.
      if (m.t === 'done' || m.t === 'fatal') run?.stop();
    });
    run = startRun(opts.nodeCommand, args, {
      cwd: path.dirname(solutionFile),
      env: { [HARNESS_ENV.markerFile]: markerFile, [HARNESS_ENV.budgetMs]: String(opts.timeoutMs) },
      timeoutMs: opts.timeoutMs,
      tailChars: MAX_OUTPUT_CHARS,
      channel: true,
      onChannel: (text) => reader.push(text),
    });
    const outcome = await run.done;

    const report: CheckReport = { results: [] };
    const text = outcome.output.replace(/\s+$/, '').replace(/^\s*\n/, '');
    if (text) report.output = outcome.cutChars ? `… (the first ${outcome.cutChars} characters of output were cut)\n${text}` : text;

    if (outcome.reason === 'not-started') {
      report.error = outcome.startError;
      return report;
    }
    if (fatal) {
      report.error = fatal;
      return report;
    }
    const timedOut = outcome.reason === 'timed-out';
    if (!checks) {
      report.error = timedOut
        ? `The checks did not finish within ${formatSeconds(opts.timeoutMs)} and were stopped.`
        : `The checks stopped before they started (${exitText(outcome)}).`;
      return report;
    }
    // Every check is listed: those that ran with their result, the one that was running when
    // the run stopped as failed, and those after it as not run.
    const why = timedOut ? `did not finish within ${formatSeconds(opts.timeoutMs)}: is there an endless loop?` : `the checks stopped here (${exitText(outcome)})`;
    report.results = checks.map((c, i) => done.get(i) ?? { ...c, passed: false, message: i === running ? why : 'not run: the checks stopped before this one' });
    if (!finished)
      report.error = timedOut
        ? `The checks did not finish within ${formatSeconds(opts.timeoutMs)} and were stopped. Is there an endless loop?`
        : `The checks stopped before the end (${exitText(outcome)}).`;
    return report;
  } finally {
    await fs.rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}

function exitText(o: RunEnd): string {
  if (o.signal) return `node was stopped by ${o.signal}`;
  return `node exited with code ${o.code}`;
}
