// The memory view must not change what a program does: every lesson example prints the same
// under it, several times over. And bad input (a syntax error, a crash, a program that never
// ends, a Python without gc, a heap too large to snapshot) gets a clear message and keeps what
// was gathered.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadCatalog, normalizeOutput } from '../../src/lessons/catalog';
import { startMemoryRun, type MemoryRunOptions } from '../../src/memory/runMemory';
import type { MemoryReport } from '../../src/memory/report';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const RUNS = 3;
const examples = loadCatalog(path.join(ROOT, 'lessons')).lessons.flatMap((l) => l.examples);
const PYTHON = process.env.WEAKREF_PYTHON || 'python3';

async function run(options: MemoryRunOptions): Promise<{ stdout: string; report: MemoryReport }> {
  let stdout = '';
  const report = await startMemoryRun({
    nodePath: process.execPath,
    pythonPath: PYTHON,
    ...options,
    onOutput: (text, stream) => {
      if (stream === 'stdout') stdout += text;
    },
  }).done;
  return { stdout, report };
}

describe('the memory view leaves every lesson example as it is', () => {
  for (const example of examples) {
    it(`${example.relativeFile.replace(/^examples\//, '')} prints what the lesson says under it (${RUNS} runs)`, async function () {
      this.timeout(RUNS * 60_000);
      // Side by side, as the lesson tests run them: a busy machine is where collection timing shows.
      // chains: false reads no snapshot afterwards; the program runs exactly as in a full run.
      const runs = await Promise.all(Array.from({ length: RUNS }, () => run({ file: example.file, chains: false })));
      runs.forEach(({ stdout, report }, i) => {
        assert.equal(normalizeOutput(stdout), example.expectedOutput, `run ${i + 1}: stdout differs\n${report.output}`);
        assert.equal(report.exitCode === 0, !example.expectFailure, `run ${i + 1}: exit code ${report.exitCode}`);
      });
    });
  }
});

describe('the memory view on bad input', () => {
  let dir: string;
  before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weakref-memory-test-'))));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };

  it('a JavaScript syntax error: a clear message, no checkpoint invented', async () => {
    const { report } = await run({ file: write('broken.js', 'const x = ;\n') });
    assert.equal(report.problem, 'The program has a syntax error; it did not run.');
    assert.ok(report.checkpoints.every((c) => c.targets.length === 0));
  });

  it('a Python syntax error: a clear message', async () => {
    const { report } = await run({ file: write('broken.py', 'def (:\n') });
    assert.match(report.problem ?? '', /syntax error/);
    assert.equal(report.exitCode, 1);
  });

  it('a crash keeps the checkpoints taken before it', async () => {
    const file = write('crash.js', 'const kept = {};\nconst r = new WeakRef(kept);\ngc();\nthrow new Error("boom");\n');
    const { report } = await run({ file });
    assert.match(report.problem ?? '', /exited with code 1/);
    const first = report.checkpoints.find((c) => c.label === 'gc() #1');
    assert.ok(first, 'the gc() checkpoint before the crash is kept');
    assert.equal(first.targets[0].alive, true);
    assert.deepEqual(first.targets[0].retainedBy?.[0].kind, 'variable');
  });

  it('a Python crash: the traceback as python prints it, the checkpoints before it kept', async () => {
    const file = write(
      'crash.py',
      'import gc, weakref\nclass A: pass\na = A()\nr = weakref.ref(a)\ngc.collect()\nraise ValueError("boom")\n',
    );
    const { report } = await run({ file });
    assert.match(report.problem ?? '', /ValueError: boom/);
    assert.match(report.output ?? '', /File ".*crash\.py", line 6, in <module>/);
    assert.doesNotMatch(report.output ?? '', /recorder\.py/, 'the recorder is not in the traceback');
    const first = report.checkpoints.find((c) => c.label === 'gc.collect() #1');
    assert.deepEqual(first?.targets[0].retainedBy, [{ label: 'a', kind: 'variable' }]);
  });

  it('a program that never ends is stopped at the time limit, with what was gathered', async function () {
    this.timeout(30_000);
    const file = write('forever.js', 'const o = {};\nconst r = new WeakRef(o);\ngc();\nsetInterval(() => {}, 1000);\n');
    const started = Date.now();
    const { report } = await run({ file, timeoutMs: 3000 });
    assert.ok(Date.now() - started < 20_000, 'the run ended');
    assert.match(report.problem ?? '', /did not finish within 3 s and was stopped/);
    assert.equal(report.checkpoints[0].label, 'gc() #1');
    assert.equal(report.checkpoints[0].targets.length, 1);
  });

  it('a Python without gc: a clear message, and the program still runs', async () => {
    const site = fs.mkdtempSync(path.join(dir, 'site-'));
    fs.writeFileSync(path.join(site, 'sitecustomize.py'), 'import sys\nsys.modules["gc"] = None\n');
    const file = write('plain.py', 'print("ran")\n');
    const before = process.env.PYTHONPATH;
    process.env.PYTHONPATH = site;
    try {
      const { stdout, report } = await run({ file });
      assert.equal(stdout, 'ran\n');
      assert.match(report.problem ?? '', /no gc module/);
    } finally {
      if (before === undefined) delete process.env.PYTHONPATH;
      else process.env.PYTHONPATH = before;
    }
  });

  it('a heap over the snapshot limit: a clear note, states kept, no chain', async () => {
    const file = write(
      'big.js',
      'const big = new Array(3e6).fill(1.5);\nconst o = {};\nconst r = new WeakRef(o);\ngc();\nconsole.log(big.length);\n',
    );
    const { report } = await run({ file, maxHeapMb: 10 });
    const cp = report.checkpoints[0];
    assert.match(cp.note ?? '', /larger than the snapshot limit \(10 MB\)/);
    assert.equal(cp.targets[0].alive, true);
    assert.equal(cp.targets[0].retainedBy, undefined);
  });

  it('records without keeping alive: a WeakMap key dropped in the same job is collected by gc()', async () => {
    const file = write(
      'samejob.js',
      'const wm = new WeakMap();\nlet k = {};\nwm.set(k, 1);\nk = null;\ngc();\nconsole.log("done");\n',
    );
    const { report } = await run({ file });
    assert.equal(report.checkpoints[0].targets[0].kind, 'WeakMap key');
    assert.equal(report.checkpoints[0].targets[0].alive, false);
  });

  it("a WeakRef's constructor is still the global WeakRef, and constructing through it is recorded", async () => {
    const file = write(
      'constructor.js',
      'const o = {};\nconst r = new WeakRef(o);\nconsole.log(r.constructor === WeakRef);\nconst again = new r.constructor(o);\nconsole.log(again instanceof WeakRef);\n',
    );
    const { stdout, report } = await run({ file });
    assert.equal(stdout, 'true\ntrue\n');
    const end = report.checkpoints[report.checkpoints.length - 1];
    assert.deepEqual(
      end.targets.map((t) => t.created.line),
      [2],
      'the same object as a WeakRef target twice is one target, made at line 2',
    );
  });

  it('a deref() keeps its target until its job ends; the end checkpoint comes in a later job', async () => {
    const file = write(
      'keep.js',
      'let o = {};\nconst r = new WeakRef(o);\no = null;\ngc();\nconsole.log(r.deref() !== undefined);\n',
    );
    const { stdout, report } = await run({ file });
    assert.equal(stdout, 'true\n');
    assert.equal(report.checkpoints.find((c) => c.label === 'gc() #1')?.targets[0].alive, true);
    assert.equal(report.checkpoints.find((c) => c.label === 'end')?.targets[0].alive, false);
  });

  it('names closures, Map and Set entries, globals and WeakMap values', async () => {
    const file = write(
      'shapes.js',
      [
        'class Listener {}',
        'const subject = { listeners: new Set() };',
        'const a = new Listener(); subject.listeners.add(a);',
        'const m = new Map(); const b = {}; m.set("k", b);',
        'globalThis.g = {};',
        'function make() { const captured = {}; return () => captured; }',
        'const fn = make();',
        'const wm = new WeakMap(); const key = {}; const val = {}; wm.set(key, val);',
        'const refs = [a, b, globalThis.g, fn, val].map((x) => new WeakRef(x));',
        'setTimeout(() => { gc(); console.log(refs.length, subject, m, fn, wm, key); }, 0);',
      ].join('\n') + '\n',
    );
    const { report } = await run({ file });
    const cp = report.checkpoints.find((c) => c.label === 'gc() #1')!;
    const chain = (line: number, kind = 'WeakRef target') =>
      cp.targets
        .filter((t) => t.created.line === line && t.kind === kind)
        .map((t) => (t.retainedBy ?? []).map((s) => `${s.label}:${s.kind}`).join(' > '));
    const refs = chain(9);
    assert.deepEqual(refs, [
      'subject:captured variable > listeners:property > Set entry:element',
      'm:captured variable > Map entry:element',
      'g:global variable',
      'fn:captured variable',
      'key:captured variable > WeakMap value (holds only while its key lives):WeakMap value',
    ]);
  });
});
