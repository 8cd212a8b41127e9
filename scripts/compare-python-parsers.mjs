// One-off measurement behind docs/PYTHON-PARSER.md: @lezer/python against web-tree-sitter with
// tree-sitter-python's wasm. Needs both installed:
//   npm install --no-save web-tree-sitter@0.25 tree-sitter-python@0.25.0 --ignore-scripts
// Prints parse times (median of runs), bundle sizes and error-tolerance results.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { medianTime } from './timing.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const stdlib = execFileSync('python3', ['-c', 'import sysconfig; print(sysconfig.get_paths()["stdlib"])'], {
  encoding: 'utf8',
}).trim();
const typingPy = fs.readFileSync(path.join(stdlib, 'typing.py'), 'utf8');

function generated(lines) {
  const blocks = [];
  for (let i = 0; blocks.join('\n').split('\n').length < lines; i++) {
    blocks.push(`
class Node${i}:
    def __init__(self, parent=None):
        self._parent = weakref.ref(parent) if parent is not None else None
        self.children = []

    def parent(self):
        p = self._parent() if self._parent else None
        if p is None:
            return None
        return p.name

    def risky(self):
        return self._parent().name

cache${i} = weakref.WeakValueDictionary()
def remember${i}(key, value):
    cache${i}[key] = value
    return [x * 2 for x in range(${i % 7})]
`);
  }
  return 'import weakref\n' + blocks.join('\n').split('\n').slice(0, lines).join('\n') + '\n';
}
const tenK = generated(10000);

const time = (fn, runs = 15) => medianTime(fn, runs);

// --- lezer
const { parser: lezer } = require('@lezer/python');
// --- tree-sitter
const TS = require('web-tree-sitter');
await TS.Parser.init();
const pyLang = await TS.Language.load(path.join(ROOT, 'node_modules/tree-sitter-python/tree-sitter-python.wasm'));
const ts = new TS.Parser();
ts.setLanguage(pyLang);

const t0 = performance.now();
require('@lezer/python');
const out = {};
out.typingLines = typingPy.split('\n').length;
out.lezerTyping = time(() => lezer.parse(typingPy));
out.tsTyping = time(() => ts.parse(typingPy).delete());
out.lezer10k = time(() => lezer.parse(tenK));
out.ts10k = time(() => ts.parse(tenK).delete());

// Incremental: one character inserted in the middle of the 10k-line file.
{
  const { TreeFragment } = require('@lezer/common');
  const at = Math.floor(tenK.length / 2);
  const edited = tenK.slice(0, at) + 'x' + tenK.slice(at);
  const tree = lezer.parse(tenK);
  const frags = TreeFragment.applyChanges(TreeFragment.addTree(tree), [{ fromA: at, toA: at, fromB: at, toB: at + 1 }]);
  out.lezerIncremental = time(() => lezer.parse(edited, frags));
  const old = ts.parse(tenK);
  const pos = (o) => {
    const before = tenK.slice(0, o).split('\n');
    return { row: before.length - 1, column: before[before.length - 1].length };
  };
  out.tsIncremental = time(() => {
    const copy = old.copy();
    const p = pos(at);
    copy.edit({
      startIndex: at,
      oldEndIndex: at,
      newEndIndex: at + 1,
      startPosition: p,
      oldEndPosition: p,
      newEndPosition: { row: p.row, column: p.column + 1 },
    });
    ts.parse(edited, copy).delete();
    copy.delete();
  });
}

// Bundle sizes: what each adds to a minified esbuild bundle, plus files that must ship beside it.
async function bundled(code) {
  const dir = fs.mkdtempSync(path.join(ROOT, '.parser-compare-'));
  try {
    const entry = path.join(dir, 'entry.js');
    fs.writeFileSync(entry, code);
    const r = await esbuild.build({
      entryPoints: [entry],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      minify: true,
      write: false,
      nodePaths: [path.join(ROOT, 'node_modules')],
      logLevel: 'silent',
    });
    return r.outputFiles[0].contents.length;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
out.lezerBundle = await bundled("const { parser } = require('@lezer/python'); console.log(parser.parse('x'));");
out.tsBundle = await bundled("const TS = require('web-tree-sitter'); console.log(TS);");
out.tsWasm =
  fs.statSync(path.join(ROOT, 'node_modules/web-tree-sitter/tree-sitter.wasm')).size +
  fs.statSync(path.join(ROOT, 'node_modules/tree-sitter-python/tree-sitter-python.wasm')).size;

// Error tolerance: half-typed code. Does the call `weakref.ref(...)` and the later function still parse as such?
const halfTyped = [
  'import weakref\nr = weakref.ref(\ndef later():\n    return r().name\n',
  'import weakref\nr = weakref.ref(obj)\nif r() is None\n    pass\ndef later():\n    return r().name\n',
  'import weakref\nclass A:\n    def m(self):\n        x = weakref.ref(self.\n    def n(self):\n        return weakref.ref(self.m)\n',
  'import weakref\nd = {"a": [1, 2\nr = weakref.ref([])\n',
  'import weakref\ndef f(:\n    pass\nw = weakref.ref(1)\n',
  'import weakref\nx = weakref.ref(o)\n  y = 2\nz = weakref.proxy({})\n',
];
function lezerCalls(src) {
  const tree = lezer.parse(src);
  const calls = [];
  tree.iterate({
    enter: (n) => {
      if (n.name === 'CallExpression') calls.push(src.slice(n.from, n.to).split('(')[0]);
    },
  });
  return calls.filter((c) => c.includes('weakref.') || c.endsWith('r')).length;
}
function tsCalls(src) {
  const tree = ts.parse(src);
  const calls = [];
  const walk = (n) => {
    if (n.type === 'call') calls.push(n.text.split('(')[0]);
    for (const c of n.children) walk(c);
  };
  walk(tree.rootNode);
  tree.delete();
  return calls.filter((c) => c.includes('weakref.') || c.endsWith('r')).length;
}
out.tolerance = halfTyped.map((src) => ({
  src: src.split('\n').slice(1, 3).join(' | '),
  lezer: lezerCalls(src),
  treeSitter: tsCalls(src),
}));
out.loadMs = performance.now() - t0;
console.log(JSON.stringify(out, null, 1));
