// HTML-like comments (`<!--`, and `-->` at a line's start) in Script-goal files: what Node runs as
// a comment is not linted as code, module files keep reading them as operators, the same markers
// inside strings, templates, regular expressions and comments change nothing, ranges stay exact,
// and the incremental path agrees with a full parse when an edit adds or removes one.
import * as assert from 'node:assert/strict';
import { analyze, createDocumentAnalyzer } from '../../src/analysis/index';
import { isScriptGoal } from '../../src/analysis/javascript/htmlLikeComments';

/** Each finding as line:character (1-based line) of its start. */
const at = (text: string, file: string) =>
  analyze(text, file).map((f) => `${f.range.start.line + 1}:${f.range.start.character}`);
const MAP = 'const m = new WeakMap();\n';

describe('HTML-like comments', () => {
  it('code after <!-- in a .cjs or .js script is a comment, as Node runs it; in .mjs and TypeScript it is code', () => {
    const text = `${MAP}var x = 1 <!-- m.set(1, 2)\nm.set(3, 4);\n`;
    assert.deepEqual(at(text, 'a.cjs'), ['3:6']);
    assert.deepEqual(at(text, 'a.js'), ['3:6']);
    assert.deepEqual(at(text, 'a.mjs'), ['2:21', '3:6']);
    assert.deepEqual(at(text, 'a.ts'), ['2:21', '3:6']);
  });

  it('--> starts a comment at the start of a line, after whitespace or a comment, and on the first line; not mid-line', () => {
    const text = `--> m.set(0, 0)\n${MAP}--> m.set(1, 2)\n  /* c */ --> m.set(3, 4)\nlet i = 5;\nwhile (i-->0) m.set(1, i);\n`;
    assert.deepEqual(at(text, 'a.cjs'), ['6:20']);
    assert.deepEqual(at(text, 'a.mjs'), ['1:10', '3:10', '4:20', '6:20']);
  });

  it('<!-- and --> inside a string, template, regular expression or comment hide nothing after them', () => {
    const cases = [
      `var s = "<!--"; m.set(1, 2);`,
      `var s = '-->'; m.set(1, 2);`,
      'var t = `<!--`; m.set(1, 2);',
      'var t = `a${ {a: 1}.a }\n--> ${"<!--"}`; m.set(1, 2);',
      `var r = /<!--/; m.set(1, 2);`,
      `var r = 4 / 2, q = /[/]<!--/g; m.set(1, 2);`,
      `/* <!-- */ m.set(1, 2);`,
      `// <!--\nm.set(1, 2);`,
    ];
    for (const c of cases) {
      const text = MAP + c + '\n';
      assert.deepEqual(at(text, 'a.cjs'), at(text, 'a.mjs'), c);
      assert.equal(at(text, 'a.cjs').length, 1, c);
    }
  });

  it('findings after such a comment keep their exact ranges, on its line and on later lines', () => {
    const text = `${MAP}m.set(1, 2) <!-- m.set(3, 4) 🙂\n\t--> m.set(5, 6)\nm.set(7, 8); m.set(9, 10);\n`;
    const script = analyze(text, 'a.cjs').map((f) => f.range);
    const module = analyze(
      text.replace(/<!--.*|-->.*/g, (c) => ' '.repeat(c.length)),
      'a.mjs',
    ).map((f) => f.range);
    assert.equal(script.length, 3);
    assert.deepEqual(script, module);
  });

  it('an edit that adds or removes <!-- gives what a full parse gives', () => {
    const analyzer = createDocumentAnalyzer('a.js');
    const before = `${MAP}var x = 1; m.set(1, 2);\nm.set(3, 4);\n`;
    assert.deepEqual(analyzer.update(before), analyze(before, 'a.js'));
    const at1 = before.indexOf('; m.set');
    const added = before.slice(0, at1) + ' <!--' + before.slice(at1);
    const addedFindings = analyzer.update(added, [{ start: at1, end: at1, newText: ' <!--' }]);
    assert.deepEqual(addedFindings, analyze(added, 'a.js'));
    assert.equal(addedFindings.length, 1);
    const removed = analyzer.update(before, [{ start: at1, end: at1 + 5, newText: '' }]);
    assert.deepEqual(removed, analyze(before, 'a.js'));
    assert.equal(removed.length, 2);
    // Typing after the comment: still the full parse's answer, with exact ranges.
    const typed = `${added}m.set(5, 6);\n`;
    assert.deepEqual(
      analyzer.update(typed, [{ start: added.length, end: added.length, newText: 'm.set(5, 6);\n' }]),
      analyze(typed, 'a.js'),
    );
  });

  it('Script goal: .js, .cjs and other JavaScript names, or ESLint sourceType "script"; never .mjs or TypeScript', () => {
    const table = ['a.js', 'a.cjs', 'a.jsx', 'Untitled-1', 'a.mjs', 'a.ts', 'a.cts', 'a.mts', 'a.tsx'].map(
      (f) => `${f}:${isScriptGoal(f)}:${isScriptGoal(f, 'script')}:${isScriptGoal(f, 'module')}`,
    );
    assert.deepEqual(table, [
      'a.js:true:true:false',
      'a.cjs:true:true:false',
      'a.jsx:true:true:false',
      'Untitled-1:true:true:false',
      'a.mjs:false:true:false',
      'a.ts:false:false:false',
      'a.cts:false:false:false',
      'a.mts:false:false:false',
      'a.tsx:false:false:false',
    ]);
  });
});
