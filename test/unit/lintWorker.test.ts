// The lint worker as the editor runs it: the real bundled dist/lintWorker.js in a real worker
// thread with the editor's resource limits, and LintClient's time limit against a real worker
// that hangs (issue 8, points 1, 4 and 5). Nested fixtures are generated here, never committed.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { LintClient } from '../../src/linting/client';
import { EDITOR_WORKER_LIMITS } from '../../src/linting/limits';
import { deeplyNested, deepParentheses } from '../support/hostileFixtures';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const LINT_WORKER = path.join(ROOT, 'dist', 'lintWorker.js');
const SLOW_WORKER = path.join(ROOT, 'out', 'test', 'support', 'slowLintWorker.js');

describe('the lint worker (dist/lintWorker.js, editor limits)', function () {
  this.timeout(60_000);
  const logs: string[] = [];
  let client: LintClient;
  before(() => (client = new LintClient(LINT_WORKER, (l) => logs.push(l), { resourceLimits: EDITOR_WORKER_LIMITS })));
  after(() => client.dispose());

  it('lints a file with 10,000 levels of nested parentheses, arrays and arrows', async () => {
    const r = await client.lint({ key: 'deep', fileName: 'deep.js', text: deeplyNested(10_000), options: {} });
    assert.equal(r.error, undefined);
    assert.equal(r.failure, undefined);
    assert.deepEqual(
      r.findings.map((f) => `${f.range.start.line + 1}:${f.rule}`),
      ['4:invalid-weak-target'],
    );
  });

  it('reports 1,000,000 levels as not analysed (too deep), never as clean, and keeps working', async () => {
    const r = await client.lint({
      key: 'deeper',
      fileName: 'deeper.js',
      text: deepParentheses(1_000_000),
      options: {},
    });
    assert.deepEqual(r.findings, []);
    assert.equal(r.failure?.reason, 'too-deep');
    assert.match(r.failure.message, /nested too deeply/);
    const next = await client.lint({ key: 'next', fileName: 'next.js', text: 'new WeakRef(1);', options: {} });
    assert.deepEqual(
      next.findings.map((f) => f.rule),
      ['invalid-weak-target'],
    );
  });

  it('the default worker stack (no resourceLimits) would not have been enough', async () => {
    // Shows what the limits buy: without them the same file is not analysed.
    const plain = new LintClient(LINT_WORKER, () => {});
    try {
      const r = await plain.lint({ key: 'deep', fileName: 'deep.js', text: deeplyNested(10_000), options: {} });
      assert.equal(r.failure?.reason, 'too-deep');
    } finally {
      plain.dispose();
    }
  });

  it('a heap limit ends a worker that runs out of memory, reports it for that file, and the next request gets a new worker', async () => {
    // A small heap stands in for the editor's 1.5 GB one, so that a 2 MB file runs it out.
    const small = new LintClient(LINT_WORKER, () => {}, {
      timeoutMs: 0,
      resourceLimits: { ...EDITOR_WORKER_LIMITS, maxOldGenerationSizeMb: 32 },
    });
    try {
      const block = (i: number) =>
        `const c${i} = new Map();\nfunction g${i}(k) {\n  const r = c${i}.get(k);\n  return r && r.deref();\n}\nnew WeakSet().add({ n: ${i} });\n`;
      let text = '';
      for (let i = 0; text.length < 2_000_000; i++) text += block(i);
      const r = await small.lint({ key: 'big', fileName: 'big.js', text, options: {} });
      assert.deepEqual(r.findings, []);
      assert.match(r.error ?? '', /memory/i);
      const next = await small.lint({ key: 'next', fileName: 'next.js', text: 'new WeakRef(1);', options: {} });
      assert.deepEqual(
        next.findings.map((f) => f.rule),
        ['invalid-weak-target'],
      );
    } finally {
      small.dispose();
    }
  });
});

describe('LintClient time limit (a real worker that hangs)', function () {
  this.timeout(30_000);

  it("a timed-out request's worker is the only one terminated: an older request's timer never kills the new worker", async () => {
    const logs: string[] = [];
    const client = new LintClient(SLOW_WORKER, (l) => logs.push(l), { timeoutMs: 2_000 });
    try {
      const job = (text: string) => ({ key: text, fileName: `${text}.js`, text, options: {} });
      // a hangs worker 1; b is queued behind it and its timer fires 500 ms after a's.
      const a = client.lint(job('hang'));
      await new Promise((r) => setTimeout(r, 500));
      const bStarted = Date.now();
      const b = client.lint(job('slow:1'));
      const ra = await a;
      assert.match(ra.error ?? '', /timed out/);
      // c goes to worker 2 and is still in flight when b's timer would fire.
      const c = client.lint(job('slow:800'));
      const rc = await c;
      assert.equal(rc.error, undefined, `c was answered by the new worker (${logs.join(' | ')})`);
      const rb = await b;
      assert.match(rb.error ?? '', /stopped/, 'b went to the worker that was terminated: it is answered at once');
      assert.ok(Date.now() - bStarted < 2_000 + 800, 'b did not wait for its own timer');
      const rd = await client.lint(job('slow:1'));
      assert.equal(rd.error, undefined);
    } finally {
      client.dispose();
    }
  });
});
