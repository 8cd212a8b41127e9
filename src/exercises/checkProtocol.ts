// What an exercise harness says on its own pipe (fd 3), and how a run's messages and its end
// become a report; with the steps around a run (the files must exist, a temporary folder for the
// harness). Shared by the JavaScript and the Python checker, which differ only in the harness they start.
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { formatSeconds, type RunEnd } from '../process/run';
import type { CheckReport, CheckResult } from './types';

/** The learner's output kept in the report: its last characters (the checks still see it all). */
export const MAX_OUTPUT_CHARS = 64 * 1024;

export interface Message {
  t: 'checks' | 'start' | 'result' | 'done' | 'fatal';
  checks?: { id: string; requirement: string }[];
  i?: number;
  passed?: boolean;
  message?: string;
  error?: string;
}

/** Splits the pipe into lines; with a marker, only lines that start with it count. */
export class ProtocolReader {
  private pending = '';
  constructor(
    private readonly marker: string,
    private readonly onMessage: (m: Message) => void,
  ) {}

  push(chunk: string): void {
    this.pending += chunk;
    let end: number;
    const prefix = this.marker ? this.marker + ' ' : '';
    while ((end = this.pending.indexOf('\n')) >= 0) {
      const line = this.pending.slice(0, end);
      this.pending = this.pending.slice(end + 1);
      if (!line.startsWith(prefix)) continue;
      try {
        this.onMessage(JSON.parse(line.slice(prefix.length)) as Message);
      } catch {
        // Only the harness writes here: a torn line is dropped rather than trusted.
      }
    }
    // A line is at most a few kilobytes; anything longer without a newline is not ours.
    if (this.pending.length > 1024 * 1024) this.pending = '';
  }
}

/** The state of one check run, fed by the harness's messages. */
export class CheckProtocol {
  private checks: { id: string; requirement: string }[] | undefined;
  private readonly done = new Map<number, CheckResult>();
  private running: number | undefined;
  private finished = false;
  private fatal: string | undefined;

  /** Returns true when the harness has said its last word (done or fatal). */
  onMessage(m: Message): boolean {
    if (m.t === 'checks' && Array.isArray(m.checks)) this.checks = m.checks;
    else if (m.t === 'start' && typeof m.i === 'number') this.running = m.i;
    else if (m.t === 'result' && typeof m.i === 'number' && this.checks?.[m.i]) {
      const { id, requirement } = this.checks[m.i];
      this.done.set(m.i, {
        id,
        requirement,
        passed: m.passed === true,
        ...(m.passed === true ? {} : { message: typeof m.message === 'string' ? m.message : 'failed' }),
      });
      this.running = undefined;
    } else if (m.t === 'done') this.finished = true;
    else if (m.t === 'fatal') this.fatal = typeof m.error === 'string' ? m.error : 'The checks could not run.';
    return m.t === 'done' || m.t === 'fatal';
  }

  /**
   * Every check is listed: those that ran with their result, the one that was running when the
   * run stopped as failed, and those after it as not run.
   */
  report(outcome: RunEnd, timeoutMs: number, program: string): CheckReport {
    const report: CheckReport = { results: [] };
    const text = outcome.output.replace(/\s+$/, '').replace(/^\s*\n/, '');
    if (text)
      report.output = outcome.cutChars
        ? `… (the first ${outcome.cutChars} characters of output were cut)\n${text}`
        : text;
    if (outcome.reason === 'not-started') return { ...report, error: outcome.startError };
    if (this.fatal) return { ...report, error: this.fatal };
    const timedOut = outcome.reason === 'timed-out';
    const limit = formatSeconds(timeoutMs);
    const exit = outcome.signal
      ? `${program} was stopped by ${outcome.signal}`
      : `${program} exited with code ${outcome.code}`;
    if (!this.checks)
      return {
        ...report,
        error: timedOut
          ? `The checks did not finish within ${limit} and were stopped.`
          : `The checks stopped before they started (${exit}).`,
      };
    const why = timedOut
      ? `did not finish within ${limit}: is there an endless loop?`
      : `the checks stopped here (${exit})`;
    report.results = this.checks.map(
      (c, i) =>
        this.done.get(i) ?? {
          ...c,
          passed: false,
          message: i === this.running ? why : 'not run: the checks stopped before this one',
        },
    );
    if (!this.finished)
      report.error = timedOut
        ? `The checks did not finish within ${limit} and were stopped. Is there an endless loop?`
        : `The checks stopped before the end (${exit}).`;
    return report;
  }
}

/** A report saying which of the two files is missing, or undefined when both are files. */
export async function missingFileReport(checksFile: string, solutionFile: string): Promise<CheckReport | undefined> {
  for (const [file, what] of [
    [checksFile, 'The checks file'],
    [solutionFile, 'The solution file'],
  ] as const) {
    const stat = await fs.stat(file).catch(() => undefined);
    if (!stat?.isFile()) return { results: [], error: `${what} ${file} does not exist.` };
  }
  return undefined;
}

/** Runs `use` with a fresh temporary folder for the harness, removed afterwards whatever happens. */
export async function withHarnessFolder<T>(prefix: string, use: (dir: string) => Promise<T>): Promise<T> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  try {
    return await use(dir);
  } finally {
    await fs.rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}
