// The memory view on every lesson example, through the shipped `weakref-memory --json` bin:
// every weak target is recorded at the line that made it one, its state at every checkpoint is
// the one the lesson describes, and a live target's chain names what the lesson says holds it.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadCatalog } from '../../src/lessons/catalog';
import type { LessonExample } from '../../src/lessons/types';
import { formatChain, type MemoryReport, type TargetState } from '../../src/memory/report';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const BIN = path.join(ROOT, 'dist', 'memory-cli.js');
const catalog = loadCatalog(path.join(ROOT, 'lessons'));
const examples = catalog.lessons.flatMap((l) => l.examples);

/** Examples that never make a weak target (they print sizes or show a lookup miss). */
// Examples that make no weak target in their own process: a lookup that misses, the memory APIs,
// a cycle freed by the collector, and a child process that makes its targets (the recorder
// follows the program, not the programs it starts).
const NO_TARGETS = new Set(['lookups-miss.js', 'memory-apis.js', 'cycle_with_del.py', 'sigterm_skips_atexit.py']);

export function memoryJson(file: string, extra: string[] = []): Promise<{ code: number | null; report: MemoryReport }> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [BIN, '--json', ...extra, file],
      { timeout: 120_000, maxBuffer: 16 << 20 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : null) : 0;
        try {
          resolve({ code, report: JSON.parse(stdout) as MemoryReport });
        } catch {
          reject(new Error(`weakref-memory printed no JSON (exit ${code}):\n${stdout}\n${stderr}`));
        }
      },
    );
  });
}

/** What each lesson says about its weak targets: state and chain at a checkpoint, by target id. */
interface Expectation {
  checkpoint: string;
  alive: Record<number, boolean>;
  /** formatChain() of the live targets' chains. */
  chains?: Record<number, string>;
}

const LESSONS_SAY: Record<string, Expectation[]> = {
  // 05: a held value that refers to its target keeps it alive; the good one goes.
  'held-value-keeps-target.js': [
    {
      checkpoint: 'gc() #5',
      alive: { 1: false, 2: true, 3: false, 4: true },
      chains: {
        2: 'registry (variable) → FinalizationRegistry held value (held value) → target (property)',
      },
    },
  ],
  'held-values-and-tokens.js': [{ checkpoint: 'gc() #1', alive: { 1: false, 2: false } }],
  // 05: the finalizer's callback is a bound method of the object: it never dies.
  'finalizer_keeps_target.py': [
    {
      checkpoint: 'gc.collect() #1',
      alive: { 1: true, 2: false, 3: true },
      chains: {
        1: 'weakref.finalize registry (finalizer) → its callback (finalizer) → __self__ of the bound method TempFile.remove (bound method)',
      },
    },
  ],
  'finalize_basics.py': [{ checkpoint: 'gc.collect() #1', alive: { 1: false, 2: false, 3: false } }],
  // 06: the two most recent reports stay, held by the cache's strong slots; jan and feb go.
  'smart-cache.js': [
    {
      checkpoint: 'gc() #1',
      alive: { 1: false, 2: false, 3: false, 4: false, 5: true, 6: true, 7: true, 8: true },
      chains: {
        5: 'cache (variable) → #recent (property) → [0] (element)',
        7: 'cache (variable) → #recent (property) → [1] (element)',
      },
    },
  ],
  'smart_cache.py': [
    {
      checkpoint: 'gc.collect() #1',
      alive: { 1: false, 2: false, 3: true, 4: true },
      chains: {
        3: "cache (variable) → _recent (attribute) → ['mar'] (dict value)",
        4: "cache (variable) → _recent (attribute) → ['apr'] (dict value)",
      },
    },
  ],
  // 07: Bob is collected although subscribed; Ada is still a variable of main().
  'weak-observers.js': [
    {
      checkpoint: 'gc() #1',
      alive: { 1: true, 2: true, 3: false, 4: false },
      chains: { 1: 'a local variable of main() (running) (variable)' },
    },
  ],
  'bound-listener-dies.js': [{ checkpoint: 'gc() #1', alive: { 1: false } }],
  'ephemeron.js': [{ checkpoint: 'gc() #1', alive: { 1: false, 2: false } }],
  // 07: the WeakKeyDictionary's value is a bound method of its key: the wizard never goes.
  'observer_leaks.py': [
    {
      checkpoint: 'gc.collect() #1',
      alive: { 1: true, 2: true, 3: true },
      chains: {
        1: 'hero (variable)',
        2: 'manager (variable) → _observers (attribute) → value for the key Player (dict value) → [0] (element) → __self__ of the bound method Player.on_event (bound method)',
      },
    },
  ],
  'weak_observers.py': [
    { checkpoint: 'gc.collect() #1', alive: { 1: true, 2: false }, chains: { 1: 'hero (variable)' } },
  ],
  'bound_method_dies.py': [
    { checkpoint: 'gc.collect() #1', alive: { 1: false, 2: true }, chains: { 2: 'hero (variable)' } },
    { checkpoint: 'gc.collect() #2', alive: { 1: false, 2: false } },
  ],
  // 09: the handle closed properly and the forgotten one are both collected; nothing holds them.
  'close-explicitly.js': [{ checkpoint: 'gc() #1', alive: { 1: false, 2: false } }],
  // The one closed by `with` is closed, not gone: the with statement's `f` still names it.
  'close_explicitly.py': [
    { checkpoint: 'gc.collect() #1', alive: { 1: true, 2: false }, chains: { 1: 'f (variable)' } },
  ],
  // 09: no checkpoint before the end; at the end both are unreachable (and no callback ran).
  // The kept target is referred to by the exit handler, so it is alive to the very end.
  'no-cleanup-at-exit.js': [{ checkpoint: 'end', alive: { 1: true, 2: false } }],
  // 14: every round's array is collected; nothing of the program holds a finished round.
  'heap-over-rounds.js': [{ checkpoint: 'gc() #7', alive: { 1: false, 2: false, 3: false, 4: false } }],
};

function identifiersOf(source: string): Set<string> {
  return new Set(source.match(/#?[A-Za-z_$][\w$]*/g) ?? []);
}

function checkReport(example: LessonExample, report: MemoryReport): void {
  const name = path.basename(example.file);
  const source = fs.readFileSync(example.file, 'utf8');
  const words = identifiersOf(source);
  assert.equal(report.file, example.file);
  assert.match(report.runtime, example.language === 'python' ? /^python 3\.\d+\.\d+$/ : /^node v\d+\.\d+\.\d+$/);
  const end = report.checkpoints.at(-1);
  assert.ok(end, `${name}: no checkpoint at all`);
  if (NO_TARGETS.has(name)) {
    assert.equal(end.targets.length, 0, `${name}: makes no weak target, but ${end.targets.length} were recorded`);
    return;
  }
  assert.ok(end.targets.length > 0, `${name}: makes weak targets, but none was recorded`);
  for (const t of end.targets) {
    // An example may require a module beside it (dead-proxy.js requires weak-proxy.js).
    assert.equal(
      path.dirname(t.created.file),
      path.dirname(example.file),
      `${name}: target #${t.id} made in ${t.created.file}`,
    );
    const line = fs.readFileSync(t.created.file, 'utf8').split('\n')[(t.created.line ?? 0) - 1] ?? '';
    assert.match(
      line,
      /WeakRef|WeakMap|WeakSet|\.set\(|\.add\(|register\(|weakref\.|WeakMethod|\] = |setdefault\(/,
      `${name}: target #${t.id} (${t.kind}) is said to be made on line ${t.created.line}, which makes no weak target: ${line}`,
    );
  }
  for (const cp of report.checkpoints) {
    for (const t of cp.targets) {
      if (!t.alive) {
        assert.equal(t.retainedBy, undefined, `${name} ${cp.label}: collected #${t.id} has a chain`);
        continue;
      }
      // A gc() checkpoint without a snapshot limit explains every live target.
      if (cp.label.startsWith('gc') && !cp.note)
        assert.ok(t.retainedBy?.length, `${name} ${cp.label}: live #${t.id} has no chain`);
      for (const step of t.retainedBy ?? []) {
        const word = /^#?[A-Za-z_$][\w$]*/.exec(step.label)?.[0];
        if (
          ['variable', 'captured variable', 'global variable', 'property', 'attribute'].includes(step.kind) &&
          !step.label.startsWith('a local variable')
        )
          assert.ok(
            word && words.has(word),
            `${name} ${cp.label}: step "${step.label}" (${step.kind}) names nothing in the file`,
          );
      }
    }
  }
  for (const expected of LESSONS_SAY[name] ?? []) {
    const cp = report.checkpoints.find((c) => c.label === expected.checkpoint);
    assert.ok(
      cp,
      `${name}: no checkpoint "${expected.checkpoint}" (have ${report.checkpoints.map((c) => c.label).join(', ')})`,
    );
    const alive = Object.fromEntries(cp.targets.map((t) => [t.id, t.alive]));
    assert.deepEqual(alive, expected.alive, `${name} ${cp.label}: alive or collected`);
    for (const [id, chain] of Object.entries(expected.chains ?? {})) {
      const t: TargetState | undefined = cp.targets.find((x) => x.id === Number(id));
      assert.equal(formatChain(t?.retainedBy ?? []), chain, `${name} ${cp.label}: what holds #${id}`);
    }
  }
}

describe('weakref-memory --json on the lesson examples', () => {
  it('runs from the bundle (npm run bundle)', () => assert.ok(fs.existsSync(BIN), `${BIN} is missing`));
  it('has an expectation for examples of the liveness lessons only where the file exists', () => {
    const names = new Set(examples.map((e) => path.basename(e.file)));
    assert.deepEqual(
      Object.keys(LESSONS_SAY).filter((n) => !names.has(n)),
      [],
    );
  });
  // Two at a time (or one per core): each run is a child process, and memlab's reading is the slow part.
  const results = new Map<string, Promise<{ code: number | null; report: MemoryReport }>>();
  before(() => {
    const lanes: Promise<unknown>[] = Array.from({ length: Math.max(2, os.cpus().length) }, () => Promise.resolve());
    examples.forEach((example, i) => {
      const lane = i % lanes.length;
      const result = lanes[lane].then(() => memoryJson(example.file));
      lanes[lane] = result.catch(() => undefined); // a failure is reported by its own test
      results.set(example.file, result);
    });
  });
  for (const example of examples) {
    it(`${example.relativeFile.replace(/^examples\//, '')}: targets, states and chains`, async function () {
      this.timeout(600_000);
      const { code, report } = await results.get(example.file)!;
      assert.equal(code, example.expectFailure ? 1 : 0, `exit status; problem: ${report.problem ?? 'none'}`);
      checkReport(example, report);
    });
  }
});
