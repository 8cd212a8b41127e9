// The one way this extension runs a child process (examples, the chart's measurement, the
// exercise checks, the node probe). Pure Node, no vscode. It owns the rules every run needs:
// - no shell: the command and its arguments go straight to spawn();
// - a process group of its own, so a stop or a time limit also ends what the program started
//   (grandchildren that share its pipes would otherwise keep the run open for ever);
// - the run is over when its process exits: after a short grace period for the last output,
//   anything still holding the pipes is killed and the streams are destroyed;
// - only a bounded tail of the output is kept, whatever the program prints.
// - on request (contain), Linux runs go in a PID namespace of their own where one can be made,
//   so that nothing the program starts outlives the run (./contain).
import { spawn, type ChildProcess } from 'child_process';
import { randomBytes } from 'crypto';
import { OutputTail } from './outputTail';
import { containmentPrefix, findExecutable } from './contain';
import { killTree, RUN_TAG_ENV, startTicks } from './killTree';

export { OutputTail } from './outputTail';

/** How to start a program on one file: `command [...args] file`. */
export interface Invocation {
  command: string;
  /** Options before the file (for node: --expose-gc and the user's nodeArgs). */
  args: string[];
  file: string;
}

export const argvOf = (inv: Invocation): string[] => [...inv.args, inv.file];

/** Output kept by default: the last 64 K characters of stdout and stderr together. */
export const DEFAULT_TAIL_CHARS = 64 * 1024;
/** How long output may still arrive after the process exited before the pipes are closed. */
export const DEFAULT_GRACE_MS = 300;

/** Which program a run starts, for the one wording of "not found" and "could not be started". */
export interface Program {
  name: string;
  /** What to install, e.g. "Node.js 14.6 or later". */
  requirement: string;
  /** The setting that names it. */
  setting: string;
}

export const NODE_PROGRAM: Program = {
  name: 'Node.js',
  requirement: 'Node.js 14.6 or later',
  setting: 'weakrefLessons.nodePath',
};
export const PYTHON_PROGRAM: Program = {
  name: 'Python',
  requirement: 'Python 3.8 or later (on Debian or Ubuntu: apt-get install python3)',
  setting: 'weakrefLessons.pythonPath',
};

export interface RunOptions {
  /** The program being started (default Node.js), for the start-failure message. */
  program?: Program;
  cwd?: string;
  /** Added to (and overriding) this process's environment. */
  env?: Record<string, string | undefined>;
  /** The whole tree is killed after this long. */
  timeoutMs?: number;
  graceMs?: number;
  tailChars?: number;
  /** Give the child a writable stdin (a terminal run forwards keystrokes). */
  stdin?: boolean;
  /**
   * Linux: run the program in a PID namespace of its own when one can be made (see ./contain),
   * so that ending the run ends every process it started, wherever they went. The program is
   * then process 1 of its namespace, which ignores signals it has no handler for: interrupt()
   * does not reach it, so contain is for runs that are only ever stopped.
   */
  contain?: boolean;
  /** Open a fourth pipe (fd 3 in the child) whose text goes to onChannel, not to the output. */
  channel?: boolean;
  onOutput?(text: string, stream: 'stdout' | 'stderr'): void;
  onChannel?(text: string): void;
}

export type EndReason = 'exited' | 'timed-out' | 'stopped' | 'not-started';

export interface RunEnd {
  reason: EndReason;
  /** null when the process was killed by a signal or never started. */
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Set when reason is 'not-started': what went wrong, in words for the user. */
  startError?: string;
  /** The start error's code (ENOENT, EACCES, ...), for callers that tell "missing" apart. */
  startErrorCode?: string;
  /** The last tailChars characters of stdout and stderr, in the order they arrived. */
  output: string;
  /** How many characters were dropped from the front of output. */
  cutChars: number;
}

export interface Run {
  /** undefined when the process could not be started. */
  readonly pid: number | undefined;
  readonly done: Promise<RunEnd>;
  readonly running: boolean;
  /** Kills the process and everything it started. */
  stop(): void;
  /** SIGINT to the process alone, as Ctrl+C would (the program may handle it). */
  interrupt(): void;
  write(text: string): void;
}

/** The one wording for a program that could not be started. */
export function startFailure(command: string, error: NodeJS.ErrnoException, program: Program = NODE_PROGRAM): string {
  if (error.code === 'ENOENT')
    return `${program.name} was not found at "${command}". Install ${program.requirement}, or set "${program.setting}" to its full path.`;
  return `${program.name} at "${command}" could not be started: ${error.message.split('\n')[0]}`;
}

/** "exited with code 1", "was stopped by SIGKILL", "did not finish within 2 s and was stopped", ... */
export function describeEnd(end: RunEnd, timeoutMs?: number): string {
  switch (end.reason) {
    case 'not-started':
      return end.startError ?? 'could not be started';
    case 'timed-out':
      return `did not finish within ${formatSeconds(timeoutMs ?? 0)} and was stopped`;
    case 'stopped':
      return 'was stopped';
    default:
      return end.signal ? `was stopped by ${end.signal}` : `exited with code ${end.code}`;
  }
}

export function formatSeconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) || s >= 10 ? Math.round(s) : s.toFixed(1)} s`;
}

export function startRun(command: string, argv: readonly string[], options: RunOptions = {}): Run {
  const tail = new OutputTail(options.tailChars ?? DEFAULT_TAIL_CHARS);
  // Every process of this run inherits the tag, so one that left the group is still found.
  const tag: { value: string; since?: number } = { value: randomBytes(12).toString('hex') };
  let child: ChildProcess | undefined;
  let reason: EndReason = 'exited';
  /** Set when the process has exited (and been reaped); the run may still wait for its pipes. */
  let exited: Omit<RunEnd, 'output' | 'cutChars'> | undefined;
  let settled = false;
  let resolveDone!: (end: RunEnd) => void;
  const done = new Promise<RunEnd>((resolve) => (resolveDone = resolve));
  const timers: NodeJS.Timeout[] = [];

  const settle = (end: Omit<RunEnd, 'output' | 'cutChars'>) => {
    if (settled) return;
    settled = true;
    timers.forEach(clearTimeout);
    if (child?.pid !== undefined) killTree(child.pid, tag, exited !== undefined);
    for (const stream of child?.stdio ?? []) stream?.destroy();
    resolveDone({ ...end, output: tail.text, cutChars: tail.cutChars });
  };
  const notStarted = (error: NodeJS.ErrnoException) =>
    settle({
      reason: 'not-started',
      code: null,
      signal: null,
      startError: startFailure(command, error, options.program),
      startErrorCode: error.code,
    });

  const neverRan: Run = { pid: undefined, done, running: false, stop() {}, interrupt() {}, write() {} };
  let file = command;
  let args = [...argv];
  const prefix = options.contain ? containmentPrefix() : undefined;
  if (prefix) {
    // unshare would report a missing program as its own exit code: find it first, as spawn would.
    const found = findExecutable(command, options.cwd, options.env?.PATH ?? process.env.PATH);
    if (typeof found !== 'string') {
      notStarted(found);
      return neverRan;
    }
    [file, ...args] = [...prefix, found, ...args];
  }
  try {
    child = spawn(file, args, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env, [RUN_TAG_ENV]: tag.value },
      stdio: [options.stdin ? 'pipe' : 'ignore', 'pipe', 'pipe', ...(options.channel ? (['pipe'] as const) : [])],
      shell: false,
      windowsHide: true,
      // POSIX: a new process group led by the child, so the group can be killed as one.
      // (On Windows detached means a new console; taskkill /T finds the tree instead.)
      detached: process.platform !== 'win32',
    });
  } catch (e) {
    // spawn throws synchronously for some bad arguments (an empty command, a NUL byte).
    notStarted(e as NodeJS.ErrnoException);
    return neverRan;
  }
  const proc = child;
  if (process.platform === 'linux' && proc.pid !== undefined) tag.since = startTicks(proc.pid);

  const streamsOpen = new Set<NodeJS.ReadableStream>();
  const watch = (stream: NodeJS.ReadableStream | null | undefined, onText: (text: string) => void) => {
    if (!stream) return;
    streamsOpen.add(stream);
    stream.setEncoding('utf8');
    stream.on('data', (text: string) => {
      if (!settled) onText(text);
    });
    stream.on('error', () => undefined);
    stream.on('close', () => {
      streamsOpen.delete(stream);
      if (exited && streamsOpen.size === 0) settle(exited);
    });
  };
  const output = (streamName: 'stdout' | 'stderr') => (text: string) => {
    tail.push(text);
    options.onOutput?.(text, streamName);
  };
  watch(proc.stdout, output('stdout'));
  watch(proc.stderr, output('stderr'));
  if (options.channel) watch(proc.stdio[3] as NodeJS.ReadableStream, (text) => options.onChannel?.(text));
  proc.stdin?.on('error', () => undefined);

  proc.on('error', (error: NodeJS.ErrnoException) => {
    // 'error' also reports a failed kill; only a process that never ran is "not started".
    if (proc.pid === undefined) notStarted(error);
  });
  proc.on('exit', (code, signal) => {
    exited = { reason, code, signal };
    if (streamsOpen.size === 0) settle(exited);
    // A grandchild may hold the pipes open for ever: the run ends anyway.
    else timers.push(setTimeout(() => settle(exited!), options.graceMs ?? DEFAULT_GRACE_MS));
  });

  const end = (why: EndReason) => {
    if (settled || exited || proc.pid === undefined) return;
    reason = why;
    killTree(proc.pid, tag);
  };
  if (options.timeoutMs !== undefined) timers.push(setTimeout(() => end('timed-out'), options.timeoutMs));

  return {
    get pid() {
      return proc.pid;
    },
    done,
    get running() {
      return !settled;
    },
    stop: () => {
      if (exited && !settled)
        settle(exited); // only leftovers remain: settle kills them
      else end('stopped');
    },
    interrupt: () => {
      if (!exited && proc.exitCode === null) proc.kill('SIGINT');
    },
    write: (text) => {
      if (proc.stdin?.writable) proc.stdin.write(text);
    },
  };
}
