// The Python front end where users meet it: the dispatch by file name and languageId, the lint
// worker's analyzer, suppression comments with `#`, "Disable … for this line" in Python, severity
// settings, the lazy parser load, and weakref-lint (the bundled dist/cli.js) on .py files.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  analyzeFile,
  analyzePython,
  createFileAnalyzer,
  isPythonParserLoaded,
  languageOfFile,
  mightNeedLinting,
} from '../../../src/analysis/index';
import { disableForLineEdit } from '../../../src/linting/disableEdit';

const BAD = 'import weakref\nweakref.ref([])\n';

describe('Python: dispatch, suppression, settings and the CLI', () => {
  it('loads the parser only once a .py file says weakref (a fresh process)', () => {
    const engine = JSON.stringify(path.resolve(__dirname, '..', '..', '..', 'src', 'analysis', 'index.js'));
    const script = `const e = require(${engine}); const out = [e.isPythonParserLoaded()]; e.analyzePython('x = [1]\\n'); out.push(e.isPythonParserLoaded()); e.analyzePython('import weakref\\n'); out.push(e.isPythonParserLoaded()); console.log(JSON.stringify(out));`;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    assert.equal(r.stdout.trim(), '[false,false,true]', r.stderr);
  });

  it('skips a .py file that never says weakref (the pre-check)', () => {
    assert.deepEqual(analyzePython('x = [1]\nprint(x)\n'), []);
    assert.equal(mightNeedLinting('import gc\n', 'a.py'), false);
    assert.equal(mightNeedLinting('import weakref\n', 'a.py'), true);
    // The JavaScript pre-check would miss Python's lower-case module name.
    assert.equal(mightNeedLinting('import weakref\n', 'a.js'), false);
  });

  it('picks the language from the file name, or from the languageId', () => {
    assert.equal(languageOfFile('a/b.py'), 'python');
    assert.equal(languageOfFile('a/b.PY'), 'python');
    assert.equal(languageOfFile('a/b.js'), 'javascript');
    assert.equal(languageOfFile('Untitled-1', 'python'), 'python');
    assert.deepEqual(
      analyzeFile(BAD, 'x.py').map((f) => f.rule),
      ['invalid-weak-target'],
    );
    assert.deepEqual(
      analyzeFile(BAD, 'untitled', undefined, 'python').map((f) => f.rule),
      ['invalid-weak-target'],
    );
    // The same text as JavaScript is a syntax soup with no weak API in it.
    assert.deepEqual(analyzeFile(BAD, 'x.js'), []);
    assert.equal(isPythonParserLoaded(), true);
  });

  it('gives the lint worker a per-document analyzer for .py files', () => {
    const a = createFileAnalyzer('doc.py');
    assert.deepEqual(
      a.update(BAD).map((f) => `${f.range.start.line}:${f.range.start.character}`),
      ['1:12'],
    );
    const edited = BAD.replace('[]', 'obj');
    assert.deepEqual(a.update(edited, [{ start: 27, end: 29, newText: 'obj' }]), []);
  });

  it('honours # weakref-lint-disable-next-line and # weakref-lint-disable, and reports unknown ids', () => {
    const next =
      'import weakref\n# weakref-lint-disable-next-line invalid-weak-target\nweakref.ref([])\nweakref.ref(1)\n';
    assert.deepEqual(
      analyzePython(next).map((f) => `${f.range.start.line}:${f.rule}`),
      ['3:invalid-weak-target'],
    );
    const file =
      'import weakref\n# weakref-lint-disable invalid-weak-target -- demo file\nweakref.ref([])\nweakref.ref(1)\n';
    assert.deepEqual(analyzePython(file), []);
    const all =
      'import weakref\nweakref.ref([])  # not a directive: weakref-lint-disable\n# weakref-lint-disable-next-line\nweakref.ref(1)\n';
    assert.deepEqual(
      analyzePython(all).map((f) => f.range.start.line),
      [1],
    );
    const unknown = 'import weakref\n# weakref-lint-disable-next-line no-such-rule\nweakref.ref([])\n';
    assert.deepEqual(
      analyzePython(unknown).map((f) => `${f.rule}@${f.range.start.line}:${f.range.start.character}`),
      ['unknown-rule-in-comment@1:33', 'invalid-weak-target@2:12'],
    );
    const inString = 'import weakref\ns = "# weakref-lint-disable invalid-weak-target"\nweakref.ref([])\n';
    assert.equal(analyzePython(inString).length, 1);
  });

  it('writes "Disable … for this line" as a # comment in Python', () => {
    const text = 'def f():\n    weakref.ref([])\n';
    const e = disableForLineEdit(text, 1, 'invalid-weak-target', '#');
    assert.equal(
      text.slice(0, e.start) + e.newText + text.slice(e.end),
      'def f():\n    # weakref-lint-disable-next-line invalid-weak-target\n    weakref.ref([])\n',
    );
    const twice = 'x()\n# weakref-lint-disable-next-line unsafe-deref\nweakref.ref([])\n';
    const e2 = disableForLineEdit(twice, 2, 'invalid-weak-target', '#');
    assert.equal(
      twice.slice(0, e2.start) + e2.newText + twice.slice(e2.end),
      'x()\n# weakref-lint-disable-next-line unsafe-deref, invalid-weak-target\nweakref.ref([])\n',
    );
  });

  it('applies per-rule severities, and turns rules off', () => {
    const code = 'import weakref\nd = weakref.WeakKeyDictionary()\nd[o] = o\nweakref.ref([])\n';
    assert.deepEqual(
      analyzePython(code).map((f) => `${f.rule}:${f.severity}`),
      ['weak-key-held-by-value:warning', 'invalid-weak-target:error'],
    );
    assert.deepEqual(
      analyzePython(code, { rules: { 'weak-key-held-by-value': 'error', 'invalid-weak-target': 'off' } }).map(
        (f) => `${f.rule}:${f.severity}`,
      ),
      ['weak-key-held-by-value:error'],
    );
  });

  describe('weakref-lint on .py files', () => {
    const CLI = path.resolve(__dirname, '..', '..', '..', '..', 'dist', 'cli.js');
    let dir: string;
    before(function () {
      if (!fs.existsSync(CLI)) this.skip(); // needs `npm run bundle`, like cliRun.test.ts
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weakref-py-cli-'));
      fs.mkdirSync(path.join(dir, 'pkg'));
      fs.writeFileSync(path.join(dir, 'pkg', 'bad.py'), BAD);
      fs.writeFileSync(path.join(dir, 'pkg', 'clean.py'), 'import weakref\nr = weakref.ref(obj)\n');
      fs.writeFileSync(path.join(dir, 'pkg', 'bad.js'), 'new WeakRef(1);\n');
    });
    after(() => dir && fs.rmSync(dir, { recursive: true, force: true }));
    const run = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8' });

    it('walks folders for .py files next to .js ones, in json', () => {
      const r = run(['--format', 'json', 'pkg']);
      assert.equal(r.status, 1, r.stderr);
      const found = (JSON.parse(r.stdout) as { file: string; line: number; column: number; rule: string }[]).map(
        (f) => `${f.file}:${f.line}:${f.column} ${f.rule}`,
      );
      assert.deepEqual(found, [
        `${path.join('pkg', 'bad.js')}:1:13 invalid-weak-target`,
        `${path.join('pkg', 'bad.py')}:2:13 invalid-weak-target`,
      ]);
    });

    it('prints text and SARIF for a .py file, and --rule applies', () => {
      const text = run(['--format', 'unix', path.join('pkg', 'bad.py')]);
      assert.match(
        text.stdout,
        /bad\.py:2:13: error: weakref\.ref raises TypeError here: cannot create weak reference to 'list' object \[weakref\/invalid-weak-target\]/,
      );
      const sarif = JSON.parse(run(['--format', 'sarif', path.join('pkg', 'bad.py')]).stdout);
      assert.equal(sarif.runs[0].results[0].ruleId, 'invalid-weak-target');
      assert.ok(sarif.runs[0].tool.driver.rules.some((r: { id: string }) => r.id === 'weak-key-held-by-value'));
      const off = run(['--rule', 'invalid-weak-target=off', path.join('pkg', 'bad.py')]);
      assert.equal(off.status, 0, off.stdout + off.stderr);
    });
  });
});
