// The engine as a whole: the pre-check, suppression comments, severity settings, syntax errors,
// incremental re-analysis, robustness, and loading TypeScript only when a file needs parsing.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import {
  analyze,
  analyzeText,
  createDocumentAnalyzer,
  describeFailure,
  mightUseWeakApis,
} from '../../src/analysis/index';

const rules = (text: string, file = 'a.js', options = {}) =>
  analyze(text, file, options).map((f) => `${f.range.start.line + 1}:${f.rule}:${f.severity}`);
const BAD = "const ws = new WeakSet();\nws.add('x');\nconst r = new WeakRef({});\n";

describe('analysis engine', () => {
  it('skips files that never name a weak API, without parsing them', () => {
    assert.equal(mightUseWeakApis('const m = new Map(); m.set("a", 1);'), false);
    assert.equal(mightUseWeakApis('x.deref()'), true);
    assert.equal(mightUseWeakApis('// weakref-lint-disable-next-line bogus'), true);
    assert.deepEqual(analyze('const m = new Map(); m.set("a", 1); function (', 'a.js'), []);
  });

  it('loads the TypeScript compiler only when a file needs parsing', () => {
    const script = `
      const engine = require(${JSON.stringify(path.resolve(__dirname, '../../src/analysis/index.js'))});
      const loaded = () => Object.keys(require.cache).some((k) => /node_modules[\\\\/]typescript[\\\\/]/.test(k));
      const before = loaded();
      engine.analyze('const a = 1;', 'a.js');
      const afterPlain = loaded();
      engine.analyze('new WeakRef(1);', 'a.js');
      console.log(JSON.stringify([before, afterPlain, loaded(), engine.isTypescriptLoaded()]));`;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), [false, false, true, true]);
  });

  it('honours disable-next-line (one or several ids, with or without weakref/) and file-wide comments', () => {
    assert.deepEqual(
      rules(
        `const ws = new WeakSet();\n// weakref-lint-disable-next-line invalid-weak-target\nws.add('x');\nws.add('y');`,
      ),
      ['4:invalid-weak-target:error'],
    );
    assert.deepEqual(
      rules(
        `const ws = new WeakSet();\n// weakref-lint-disable-next-line weakref/invalid-weak-target, weak-target-unreachable -- known\nws.add('x'), ws.add({});`,
      ),
      [],
    );
    assert.deepEqual(rules(`/* weakref-lint-disable weak-target-unreachable */\n${BAD}`), [
      '3:invalid-weak-target:error',
    ]);
    assert.deepEqual(rules(`/* weakref-lint-disable */\n${BAD}`), []);
    assert.deepEqual(rules(`const ws = new WeakSet();\n// weakref-lint-disable-next-line\nws.add('x');`), []);
  });

  it('ignores directives inside strings, and reports unknown ids in comments', () => {
    assert.deepEqual(
      rules(
        `const s = "// weakref-lint-disable-next-line invalid-weak-target";\nconst ws = new WeakSet();\nws.add('x');`,
      ),
      ['3:invalid-weak-target:error'],
    );
    const found = analyze(
      `// weakref-lint-disable-next-line unsafe-dref, invalid-weak-target\nnew WeakSet().add('x');`,
      'a.js',
    );
    assert.deepEqual(
      found.map((f) => [f.rule, f.start, f.end]),
      [['unknown-rule-in-comment', 34, 45]],
    );
    assert.match(found[0].message, /"unsafe-dref" is not a weakref-lint rule/);
  });

  it('applies per-rule severity settings, and "off"', () => {
    assert.deepEqual(
      rules(BAD, 'a.js', { rules: { 'invalid-weak-target': 'info', 'weak-target-unreachable': 'off' } }),
      ['2:invalid-weak-target:info'],
    );
    assert.deepEqual(rules(BAD, 'a.js', { rules: { 'weak-target-unreachable': 'error' } }), [
      '2:invalid-weak-target:error',
      '3:weak-target-unreachable:error',
    ]);
  });

  it('still reports in the parts of a file that parse when another part has syntax errors', () => {
    assert.deepEqual(rules(`${BAD}function broken( {\n  let = ;\n`), [
      '2:invalid-weak-target:error',
      '3:weak-target-unreachable:warning',
    ]);
  });

  it('reads every file type by its extension (JSX and TSX included)', () => {
    const jsx = 'const ws = new WeakSet();\nconst el = <div onClick={() => ws.add("x")} />;';
    assert.deepEqual(rules(jsx, 'a.jsx'), ['2:invalid-weak-target:error']);
    assert.deepEqual(rules(jsx, 'a.tsx'), ['2:invalid-weak-target:error']);
    const ts = 'const ws: WeakSet<object> = new WeakSet();\nws.add(<any>"x");';
    assert.deepEqual(rules(ts, 'a.mts'), ['2:invalid-weak-target:error']);
    for (const f of ['a.mjs', 'a.cjs', 'a.cts', 'a.ts']) assert.equal(rules(BAD, f).length, 2, f);
  });

  it('gives the same findings after an incremental edit as after a full parse', () => {
    const base = `${BAD}function f(ref) {\n  return ref.deref().name;\n}\n`.repeat(20);
    const analyzer = createDocumentAnalyzer('a.js');
    assert.deepEqual(analyzer.update(base), analyze(base, 'a.js'));
    let text = base;
    const edits = [
      { at: text.indexOf("'x'") + 1, del: 1, ins: 'y' },
      { at: text.indexOf('.name'), del: 0, ins: '?' },
      { at: 0, del: 0, ins: '// header\n' },
      { at: text.indexOf('{}'), del: 2, ins: 'obj' },
    ];
    for (const e of edits) {
      const next = text.slice(0, e.at) + e.ins + text.slice(e.at + e.del);
      const incremental = analyzer.update(next, [{ start: e.at, end: e.at + e.del, newText: e.ins }]);
      assert.deepEqual(incremental, analyze(next, 'a.js'));
      text = next;
    }
    // A change that does not match the text is not trusted: the analyzer parses from scratch.
    assert.deepEqual(analyzer.update(BAD, [{ start: 0, end: 1, newText: 'zzz' }]), analyze(BAD, 'a.js'));
  });

  it('never throws on junk, binary-looking text or pathological nesting', function () {
    this.timeout(90_000); // deep nesting parsed to the stack's limit several times: slow on a loaded machine
    const errors: unknown[] = [];
    const onInternalError = (e: unknown) => errors.push(e);
    const junk = [
      '\u0000\u0001WeakRef\uFFFF' + String.fromCharCode(...Array.from({ length: 500 }, (_, i) => (i * 7919) % 65536)),
      'new WeakRef(' + '('.repeat(5000) + '1' + ')'.repeat(5000) + ')',
      'new WeakRef(' + '['.repeat(3000),
      '`${'.repeat(2000) + 'deref',
      'x' + '.deref()'.repeat(3000) + '.p',
    ];
    for (const text of junk) assert.doesNotThrow(() => analyze(text, 'junk.js', { onInternalError }));
    // Deep nesting may exhaust the parser's stack: that is caught and reported, never thrown.
    assert.ok(
      errors.every((e) => e instanceof RangeError),
      String(errors.find((e) => !(e instanceof RangeError))),
    );
  });

  it('says when a text could not be analysed, so that a failure never reads as a clean file', () => {
    // 100,000 levels overflow any stack this process has (the worker's 64 MB included).
    const deep = `const x = ${'('.repeat(100_000)}1${')'.repeat(100_000)};\nnew WeakRef(1);\n`;
    const result = analyzeText(deep, 'deep.js');
    assert.deepEqual(result.findings, []);
    assert.equal(result.failure?.reason, 'too-deep');
    assert.match(result.failure.message, /nested too deeply/);
    assert.deepEqual(analyzeText('new WeakRef(1);', 'a.js').failure, undefined);
    assert.deepEqual(analyzeText('const m = new Map();', 'a.js'), { findings: [] });
    const analyzer = createDocumentAnalyzer('deep.js');
    assert.deepEqual(analyzer.update(deep), []);
    assert.equal(analyzer.failure?.reason, 'too-deep');
    assert.deepEqual(
      analyzer.update('new WeakRef(1);').map((f) => f.rule),
      ['invalid-weak-target'],
    );
    assert.equal(analyzer.failure, undefined);
    assert.equal(describeFailure(new TypeError('x is undefined')).reason, 'internal-error');
  });
});
