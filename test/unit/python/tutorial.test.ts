// The Python tutorial the curriculum is ported from: its code blocks (test/fixtures/python-tutorial,
// extracted by scripts/extract-python-tutorial.py) are linted, and run in CPython to check that
// what the linter flags is really wrong there and what it leaves alone really works.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyzePython } from '../../../src/analysis/index';
import { python3Available, runProgramsInCpython } from './cpython';

const DIR = path.join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'python-tutorial');
/** Blocks that continue an earlier one (they use its GameObject, or its `import weakref`). */
const CONTEXT: Record<string, string> = {
  '02-common-patterns.py': '01-simple-example.py',
  '07-pitfall-targets.py': '01-simple-example.py',
  '08-pitfall-dead-refs.py': '01-simple-example.py',
};
/** Lines appended when running a block, to observe what the linter claims. */
const PROBES: Record<string, string> = {
  '02-common-patterns.py': 'print("PROBE entries", len(id_to_object))',
  '04-observer.py': 'import gc\ngc.collect()\nprint("PROBE entries", len(manager._observers))',
};
/** What the linter must say about each block, as "line:column rule" (1-based, in the block). */
const EXPECTED: Record<string, string[]> = {
  '01-simple-example.py': [],
  '02-common-patterns.py': ['15:28 weak-target-unreachable'],
  '03-smart-cache.py': [],
  '04-observer.py': ['53:28 weak-key-held-by-value', '54:28 weak-key-held-by-value'],
  '05-proxy.py': ['12:30 invalid-weak-target'],
  '06-finalize.py': [],
  '07-pitfall-targets.py': ['3:29 invalid-weak-target'],
  '08-pitfall-dead-refs.py': [],
  '09-registry-solution.py': [],
};

interface Block {
  name: string;
  code: string;
  context: string;
}

function blocks(): Block[] {
  return fs
    .readdirSync(DIR)
    .filter((f) => f.endsWith('.py'))
    .sort()
    .map((name) => ({
      name,
      code: fs.readFileSync(path.join(DIR, name), 'utf8'),
      context: CONTEXT[name] ? fs.readFileSync(path.join(DIR, CONTEXT[name]), 'utf8') + '\n' : '',
    }));
}

function lintInContext(b: Block): string[] {
  const errors: unknown[] = [];
  const contextLines = b.context.split('\n').length - 1;
  const findings = analyzePython(b.context + b.code, { onInternalError: (e) => errors.push(e) });
  assert.deepEqual(errors, []);
  return findings
    .filter((f) => f.start >= b.context.length)
    .map((f) => `${f.range.start.line + 1 - contextLines}:${f.range.start.character + 1} ${f.rule}`);
}

describe("Python: the tutorial's code blocks", () => {
  it('has the nine blocks, code only', () => {
    assert.deepEqual(
      blocks().map((b) => b.name),
      Object.keys(EXPECTED),
    );
  });

  for (const name of Object.keys(EXPECTED)) {
    it(`${name}: ${EXPECTED[name].length ? EXPECTED[name].join(', ') : 'no finding'}`, () => {
      const b = blocks().find((x) => x.name === name)!;
      assert.deepEqual(lintInContext(b), EXPECTED[name]);
    });
  }

  it('agrees with CPython: flagged blocks misbehave there, the others run cleanly', function () {
    if (!python3Available()) this.skip();
    this.timeout(60_000);
    const all = blocks();
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'weakref-tutorial-'));
    try {
      const outcomes = runProgramsInCpython(
        all.map((b) => `${b.context}${b.code}\n${PROBES[b.name] ?? ''}\n`),
        cwd,
      );
      const seen: Record<string, string> = {};
      all.forEach((b, i) => {
        const o = outcomes[i];
        const probe = /PROBE entries (\d+)/.exec(o.stdout)?.[1];
        seen[b.name] = o.error ?? (probe !== undefined ? `entries ${probe}` : 'ok');
      });
      assert.deepEqual(seen, {
        '01-simple-example.py': 'ok',
        // The fresh GameObject is gone as soon as it is stored: the entry vanished at once.
        '02-common-patterns.py': 'entries 0',
        '03-smart-cache.py': 'ok',
        // del player2 + gc.collect(): both observers are still there (the bound methods hold their keys).
        '04-observer.py': 'entries 2',
        '05-proxy.py': "TypeError: cannot create weak reference to 'dict' object",
        '06-finalize.py': 'ok',
        // The block catches the TypeError it demonstrates.
        '07-pitfall-targets.py': 'ok',
        '08-pitfall-dead-refs.py': 'ok',
        '09-registry-solution.py': 'ok',
      });
      assert.match(
        outcomes[all.findIndex((b) => b.name === '07-pitfall-targets.py')].stdout,
        /cannot create weak reference to 'list' object/,
      );
    } finally {
      fs.rmSync(cwd, { recursive: true, force: true });
    }
  });
});
