// Snippets are code: each body, expanded with its defaults, must parse (TypeScript's parser)
// and run, with a little driver code that uses what it defines.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import * as ts from 'typescript';
import { expandSnippet } from '../support/snippetExpand';

const ROOT = path.resolve(__dirname, '..', '..', '..');
interface Snippet {
  prefix: string | string[];
  description: string;
  body: string | string[];
}

/** What each snippet needs around it to run: free names it assumes, and a use of what it defines. */
const DRIVERS: Record<string, { before?: string; after: string }> = {
  'Guarded deref': { before: 'const ref = new WeakRef({ alive: true });', after: 'ran = true;' },
  'WeakMap side table': {
    after: 'const o = {}; if (getMetadata(o) !== getMetadata(o)) throw new Error("entry not reused"); ran = true;',
  },
  'Weak-value cache': {
    after:
      'const c = new WeakValueCache(); const v = { n: 1 }; c.set("a", v); if (c.get("a") !== v) throw new Error("miss"); c.set("a", { n: 2 }); if (c.get("a").n !== 2) throw new Error("not replaced"); ran = true;',
  },
  'FinalizationRegistry with unregister token': {
    after:
      'const untrack = track({}, "file"); if (untrack() !== true) throw new Error("unregister failed"); ran = true;',
  },
  'Weak observer set': {
    after:
      'const s = new Subject(); const seen = []; const o = { onEvent: (e) => seen.push(e) }; const off = s.subscribe(o); s.notify("hi"); off(); s.notify("bye"); if (seen.join() !== "hi") throw new Error(String(seen)); ran = true;',
  },
};

function syntaxErrors(code: string, fileName: string): string[] {
  const sf = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true);
  const diags = (sf as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics ?? [];
  return diags.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

function run(code: string): boolean {
  const sandbox = { ran: false, console, Date, WeakRef, WeakMap, Map, Set, FinalizationRegistry, Error, String };
  vm.runInNewContext(code, sandbox, { timeout: 2000 });
  return sandbox.ran;
}

for (const [language, ext] of [
  ['javascript', '.js'],
  ['typescript', '.ts'],
] as const) {
  describe(`${language} snippets`, () => {
    const snippets = JSON.parse(fs.readFileSync(path.join(ROOT, 'snippets', `${language}.json`), 'utf8')) as Record<
      string,
      Snippet
    >;

    it('offer the five patterns, each with a prefix and a description', () => {
      assert.deepEqual(Object.keys(snippets).sort(), Object.keys(DRIVERS).sort());
      for (const [name, s] of Object.entries(snippets)) {
        assert.ok(s.description.length > 20, `${name} needs a description`);
        assert.ok(
          [s.prefix].flat().every((p) => /^[a-z][\w-]*$/.test(p)),
          `${name} has an odd prefix`,
        );
      }
    });

    for (const [name, snippet] of Object.entries(snippets)) {
      it(`"${name}" expands to code that parses and runs`, () => {
        const body = expandSnippet(snippet.body);
        assert.doesNotMatch(body, /\$\{|\$\d/, 'placeholders left after expansion');
        const driver = DRIVERS[name];
        const program = `${driver.before ?? ''}\n${body}\n${driver.after}\n`;
        assert.deepEqual(syntaxErrors(program, `snippet${ext}`), []);
        const js =
          ext === '.ts'
            ? ts.transpileModule(program, { compilerOptions: { target: ts.ScriptTarget.ES2022 } }).outputText
            : program;
        assert.equal(run(js), true, 'the driver did not reach its end');
      });
    }
  });
}

describe('snippet expansion (test helper)', () => {
  it('uses defaults, mirrors repeated tabstops and drops bare tabstops', () => {
    assert.equal(expandSnippet(['const ${1:x} = 1;', 'use($1, ${2|a,b|});$0']), 'const x = 1;\nuse(x, a);');
    assert.equal(expandSnippet('${0:// ${1:t} lives}'), '// t lives');
    assert.equal(expandSnippet('a \\$1 \\} b'), 'a $1 } b');
  });
});
