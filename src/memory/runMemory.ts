// Runs one program under the memory view and builds its report: node with the memory preload,
// or python3 with the recorder, started by the one process runner (src/process/run.ts: same
// time limit, output cap and process-tree kill as every run). The instrumented program writes
// its events (and, for JavaScript, heap snapshots) into a temp folder; this module reads them
// back, finds the JavaScript chains with memlab, and removes the folder. Pure Node, no vscode.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildNodeInvocation } from '../runner/nodeCommand';
import { buildPythonInvocation, runtimeOf } from '../runner/pythonCommand';
import { describeEnd, NODE_PROGRAM, PYTHON_PROGRAM, startRun, type RunEnd } from '../process/run';
import { readSnapshot } from './heapChains';
import { PRELOAD_ENV, type PreloadEvent } from './preloadProtocol';
import { PYTHON_RECORDER_SOURCE } from './pythonRecorder';
import type { Checkpoint, MemoryReport, TargetState } from './report';

export const DEFAULT_MEMORY_TIMEOUT_MS = 60_000;
/** A heap larger than this gets no snapshot (a snapshot is about as large as the heap, often larger). */
export const DEFAULT_MAX_HEAP_MB = 256;
export const DEFAULT_MAX_SNAPSHOTS = 10;

export interface MemoryRunOptions {
  file: string;
  /** Arguments for the program itself. */
  args?: string[];
  nodePath?: unknown;
  nodeArgs?: unknown;
  pythonPath?: unknown;
  timeoutMs?: number;
  maxHeapMb?: number;
  maxSnapshots?: number;
  /** false: instrument and checkpoint as usual, but do not read the snapshots (no chains). */
  chains?: boolean;
  onOutput?(text: string, stream: 'stdout' | 'stderr'): void;
}

export interface MemoryRun {
  readonly done: Promise<MemoryReport>;
  stop(): void;
}

/** The preload beside this module: dist/memoryPreload.js in the bundles, out/src/memory/ compiled. */
export const PRELOAD_FILE = path.join(__dirname, 'memoryPreload.js');

export function startMemoryRun(options: MemoryRunOptions): MemoryRun {
  const file = path.resolve(options.file);
  const python = runtimeOf(file) === 'python';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weakref-memory-'));
  const eventsFile = path.join(dir, 'events.jsonl');
  const timeoutMs = options.timeoutMs ?? DEFAULT_MEMORY_TIMEOUT_MS;
  let command: string;
  let argv: string[];
  if (python) {
    const recorder = path.join(dir, 'recorder.py');
    fs.writeFileSync(recorder, PYTHON_RECORDER_SOURCE);
    const inv = buildPythonInvocation(options.pythonPath, file);
    command = inv.command;
    argv = [...inv.args, recorder, eventsFile, inv.file, ...(options.args ?? [])];
  } else {
    const inv = buildNodeInvocation(options.nodePath, options.nodeArgs, file);
    command = inv.command;
    argv = [...inv.args, '--require', PRELOAD_FILE, inv.file, ...(options.args ?? [])];
  }
  const run = startRun(command, argv, {
    program: python ? PYTHON_PROGRAM : NODE_PROGRAM,
    cwd: path.dirname(file),
    env: {
      FORCE_COLOR: '0',
      [PRELOAD_ENV.dir]: dir,
      [PRELOAD_ENV.maxHeapBytes]: String((options.maxHeapMb ?? DEFAULT_MAX_HEAP_MB) * 1024 * 1024),
      [PRELOAD_ENV.maxSnapshots]: String(options.maxSnapshots ?? DEFAULT_MAX_SNAPSHOTS),
    },
    timeoutMs,
    onOutput: (text, stream) => options.onOutput?.(text, stream),
  });
  const done = run.done
    .then((end) => buildReport(file, dir, end, timeoutMs, python, options.chains !== false))
    .finally(() => fs.rmSync(dir, { recursive: true, force: true }));
  return { done, stop: () => run.stop() };
}

export function readEvents(eventsFile: string): PreloadEvent[] {
  let text = '';
  try {
    text = fs.readFileSync(eventsFile, 'utf8');
  } catch {
    return [];
  }
  const events: PreloadEvent[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      events.push(JSON.parse(line) as PreloadEvent);
    } catch {
      // a line cut short by a kill: what came before it is kept
    }
  }
  return events;
}

async function buildReport(
  file: string,
  dir: string,
  end: RunEnd,
  timeoutMs: number,
  python: boolean,
  withChains: boolean,
): Promise<MemoryReport> {
  const events = readEvents(path.join(dir, 'events.jsonl'));
  const targets: TargetState[] = [];
  const checkpoints: Checkpoint[] = [];
  const problems: string[] = [];
  let runtime = python ? 'python' : 'node';
  for (const event of events) {
    if (event.t === 'start') runtime = event.runtime;
    else if (event.t === 'problem') problems.push(event.message);
    else if (event.t === 'target')
      targets.push({
        id: event.id,
        kind: event.kind,
        type: event.type,
        created: { file: event.file ?? file, line: event.line ?? null },
        alive: true,
      });
    else if (event.t === 'checkpoint') checkpoints.push(await checkpointOf(event, targets, dir, withChains));
  }
  if (end.reason === 'not-started') problems.push(end.startError ?? 'The program could not be started.');
  else if (end.reason === 'timed-out')
    problems.push(`The program ${describeEnd(end, timeoutMs)}; the checkpoints taken before that are shown.`);
  else if (end.reason === 'stopped') problems.push('The run was stopped; the checkpoints taken before that are shown.');
  else if (end.code !== 0 && !problems.length) {
    const syntax = /SyntaxError/.test(end.output);
    problems.push(
      syntax
        ? 'The program has a syntax error; it did not run.'
        : `The program ${describeEnd(end)}; the checkpoints taken before that are shown.`,
    );
  }
  if (!checkpoints.some((c) => c.label === 'end') && targets.length > 0) {
    if (end.reason === 'exited')
      problems.push('The program ended without the end checkpoint (killed, or left through os._exit).');
    // The targets made since the last checkpoint would otherwise be seen nowhere.
    const last = checkpoints.at(-1);
    checkpoints.push({
      label: 'last known',
      line: null,
      targets: targets.map((t) => last?.targets.find((l) => l.id === t.id) ?? t),
      note: 'No end checkpoint was taken: each target is shown as at the last checkpoint (alive if it was made after it).',
    });
  }
  return {
    file,
    runtime,
    exitCode: end.code,
    checkpoints,
    ...(problems.length ? { problem: problems.join(' ') } : {}),
    output: end.output,
  };
}

async function checkpointOf(
  event: Extract<PreloadEvent, { t: 'checkpoint' }>,
  known: readonly TargetState[],
  dir: string,
  withChains: boolean,
): Promise<Checkpoint> {
  let alive = new Set(event.alive);
  let chains = new Map(Object.entries(event.chains ?? {}).map(([id, steps]) => [Number(id), steps]));
  let note = event.skipped;
  if (event.snapshot && withChains) {
    try {
      chains = (await readSnapshot(path.join(dir, event.snapshot), event.functions)).chains;
      // The snapshot is the better witness: the preload's WeakRef to a tag made in the same job
      // keeps the tag (never the target) until the job ends, so its deref() can outlive the target.
      alive = new Set(chains.keys());
    } catch (e) {
      note = `The heap snapshot could not be read: ${(e as Error).message.split('\n')[0]}`;
    }
  }
  const targets = known.map((t) => {
    const isAlive = alive.has(t.id);
    const steps = isAlive ? chains.get(t.id) : undefined;
    return { ...t, alive: isAlive, ...(steps?.length ? { retainedBy: steps } : {}) };
  });
  return { label: event.label, line: event.line ?? null, targets, ...(note ? { note } : {}) };
}
