// What an exercise harness says on its own pipe (fd 3), and how a run's messages and its end
// become a report; with the steps around a run (the files must exist, a temporary folder for the
// harness). Shared by the JavaScript and the Python checker, which differ only in the harness they start.
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { randomBytes } from 'crypto';
import { formatSeconds, startRun, type Program, type Run, type RunEnd } from '../process/run';
import type { CheckReport, CheckResult } from './types';

/** The learner's output kept in the report: its last characters (the checks still see it all). */
export const MAX_OUTPUT_CHARS = 64 * 1024;

/** A line of the report as parsed: nothing in it is trusted until CheckProtocol has checked it. */
export interface Message {
  t?: unknown;
  checks?: unknown;
  i?: unknown;
  passed?: unknown;
  message?: unknown;
  error?: unknown;
}

/** The most the harness can legitimately say in one run; anything more on the pipe is a flood. */
export const MAX_REPORT_CHARS = 4 * 1024 * 1024;
/** The longest line the harness writes (a failure message is cut to MAX_MESSAGE_CHARS first). */
const MAX_LINE_CHARS = 256 * 1024;
/** A failure message is cut to this many characters, by the harness and again here. */
export const MAX_MESSAGE_CHARS = 2000;
const MAX_CHECKS = 100;

/**
 * Splits the pipe into lines; with a marker, only lines that start with it count. The whole pipe
 * is capped: past MAX_REPORT_CHARS onOverflow is called once and nothing more is read.
 */
export class ProtocolReader {
  private pending = '';
  private total = 0;
  private overflowed = false;
  constructor(
    private readonly marker: string,
    private readonly onMessage: (m: Message) => void,
    private readonly onOverflow: () => void = () => undefined,
  ) {}

  push(chunk: string): void {
    if (this.overflowed) return;
    this.total += chunk.length;
    if (this.total > MAX_REPORT_CHARS) {
      this.overflowed = true;
      this.pending = '';
      this.onOverflow();
      return;
    }
    this.pending += chunk;
    let end: number;
    const prefix = this.marker ? this.marker + ' ' : '';
    while ((end = this.pending.indexOf('\n')) >= 0) {
      const line = this.pending.slice(0, end);
      this.pending = this.pending.slice(end + 1);
      if (!line.startsWith(prefix) || line.length > MAX_LINE_CHARS) continue;
      let message: unknown;
      try {
        message = JSON.parse(line.slice(prefix.length));
      } catch {
        continue; // only the harness writes here: a torn line is dropped rather than trusted
      }
      if (message && typeof message === 'object') this.onMessage(message);
    }
    if (this.pending.length > MAX_LINE_CHARS) this.pending = '';
  }
}

const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;

/**
 * The state of one check run, fed by the harness's messages. The harness speaks in one order
 * only (checks, then start i and result i for each check, then done), so anything else (a
 * message out of turn, a second result, a malformed field) cannot come from it: the report is
 * then marked as tampered with and no result is kept.
 */
export class CheckProtocol {
  private checks: { id: string; requirement: string }[] | undefined;
  private readonly done = new Map<number, CheckResult>();
  private running: number | undefined;
  private finished = false;
  private fatal: string | undefined;
  private tampered: string | undefined;

  /** Returns true when the run should end: the harness said its last word, or the report is not to be trusted. */
  onMessage(m: Message): boolean {
    if (this.finished || this.fatal || this.tampered) return true;
    const why = this.accept(m);
    if (why) this.tampered = why;
    return this.finished || this.fatal !== undefined || this.tampered !== undefined;
  }

  /** The whole report went past MAX_REPORT_CHARS. */
  onOverflow(): void {
    if (!this.finished && !this.fatal)
      this.tampered ??= `more than ${MAX_REPORT_CHARS / 1024 / 1024} M characters arrived on the report channel`;
  }

  /** Applies one message; returns why it cannot be from the harness, or undefined. */
  private accept(m: Message): string | undefined {
    const next = this.done.size;
    switch (m.t) {
      case 'checks':
        if (this.checks) return 'the list of checks came twice';
        if (!Array.isArray(m.checks) || m.checks.length > MAX_CHECKS) return 'the list of checks is malformed';
        for (const c of m.checks as unknown[]) {
          const entry = c as { id?: unknown; requirement?: unknown } | null;
          if (
            !entry ||
            typeof entry !== 'object' ||
            !isText(entry.id, 200) ||
            !isText(entry.requirement, MAX_MESSAGE_CHARS)
          )
            return 'the list of checks is malformed';
        }
        this.checks = (m.checks as { id: string; requirement: string }[]).map((c) => ({
          id: c.id,
          requirement: c.requirement,
        }));
        return undefined;
      case 'start':
        if (!this.checks || this.running !== undefined || m.i !== next || next >= this.checks.length)
          return 'a check started out of turn';
        this.running = next;
        return undefined;
      case 'result': {
        if (!this.checks || this.running !== next || m.i !== next) return 'a result came out of turn';
        if (typeof m.passed !== 'boolean' || (m.message !== undefined && typeof m.message !== 'string'))
          return 'a result is malformed';
        const { id, requirement } = this.checks[next];
        const message = (m.message || 'failed').slice(0, MAX_MESSAGE_CHARS);
        this.done.set(next, { id, requirement, passed: m.passed, ...(m.passed ? {} : { message }) });
        this.running = undefined;
        return undefined;
      }
      case 'done':
        if (!this.checks || this.running !== undefined || next !== this.checks.length)
          return 'the checks ended out of turn';
        this.finished = true;
        return undefined;
      case 'fatal':
        this.fatal = isText(m.error, MAX_MESSAGE_CHARS) ? m.error : 'The checks could not run.';
        return undefined;
      default:
        return 'an unknown message arrived';
    }
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
    if (this.tampered)
      return {
        ...report,
        error: `The report of the checks was tampered with (${this.tampered}), so no result can be trusted.`,
      };
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

/** The environment variable that names the marker file, for both harnesses. */
export const MARKER_FILE_ENV = 'WEAKREF_CHECK_MARKER_FILE';

export interface HarnessRun {
  /** The temporary folder's name prefix. */
  prefix: string;
  /** The harness's file name and source, written to the temporary folder. */
  harnessName: string;
  harnessSource: string;
  command: string;
  /** The arguments, given the harness's path. */
  args(harness: string): string[];
  program: Program;
  /** How the report names the program ("node exited with code 1"). */
  programName: string;
  cwd: string;
  timeoutMs: number;
  env?: Record<string, string>;
}

/**
 * Runs a harness and turns what it says on its pipe into a report. A fresh marker per run goes
 * in a file that the harness reads and deletes before the learner's code loads: it is in no
 * argument, no environment variable and no stream that code can read. The run is contained
 * (see src/process/run) and ends as soon as the harness has said its last word, or as soon as
 * the report cannot be from it.
 */
export function runHarness(h: HarnessRun): Promise<CheckReport> {
  return withHarnessFolder(h.prefix, async (dir) => {
    const harness = path.join(dir, h.harnessName);
    await fs.writeFile(harness, h.harnessSource);
    const marker = `@@weakref-check-${randomBytes(16).toString('hex')}@@`;
    const markerFile = path.join(dir, 'marker');
    await fs.writeFile(markerFile, marker, { mode: 0o600 });
    const protocol = new CheckProtocol();
    let run: Run | undefined;
    const reader = new ProtocolReader(
      marker,
      (m) => {
        // The harness waits to be killed, so whatever the learner's code started dies with it.
        if (protocol.onMessage(m)) run?.stop();
      },
      () => {
        protocol.onOverflow();
        run?.stop();
      },
    );
    run = startRun(h.command, h.args(harness), {
      program: h.program,
      cwd: h.cwd,
      env: { ...h.env, [MARKER_FILE_ENV]: markerFile },
      timeoutMs: h.timeoutMs,
      tailChars: MAX_OUTPUT_CHARS,
      channel: true,
      contain: true,
      onChannel: (text) => reader.push(text),
    });
    return protocol.report(await run.done, h.timeoutMs, h.programName);
  });
}
