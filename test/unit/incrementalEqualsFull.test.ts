// The incremental path must equal a full lint after every edit. Seeded random edits go through
// the code the editor uses (ChangeTracker decides what to send, LintSession is the worker's
// request handler); after each one, the findings are compared with a fresh analyzeFile() of the
// same text. Sources: every rule-test case, every lesson file and a few hundred real files.
//
// WEAKREF_DIFF_EDITS (default 10000) and WEAKREF_DIFF_SEED (default fixed, "random" for a new
// one) make a longer run by hand: `npm run test:differential`.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  analyzeFile,
  mightUseWeakApis,
  type AnalyzeOptions,
  type Finding,
  type TextChange,
} from '../../src/analysis/index';
import { RULES } from '../../src/analysis/ruleMeta';
import { collectFiles } from '../../src/cli/walk';
import { ChangeTracker } from '../../src/linting/changeTracker';
import { LintSession } from '../../src/linting/lintSession';
import { lintableFilesUnder } from '../support/lintableFiles';
import { registeredCases } from './rules/ruleTester';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const EDITS = Number(process.env.WEAKREF_DIFF_EDITS ?? 10_000);
const SEED =
  process.env.WEAKREF_DIFF_SEED === 'random'
    ? (Math.random() * 2 ** 32) >>> 0
    : Number(process.env.WEAKREF_DIFF_SEED ?? 20261125);
const REAL_FILES = 300;
const REAL_FILE_MAX_BYTES = 40_000;

interface Source {
  name: string;
  fileName: string;
  text: string;
}

/** mulberry32: small, seedable, good enough to pick edits. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sources(): Source[] {
  const out: Source[] = registeredCases().map((c, i) => ({
    name: `rule case ${i} (${c.rule})`,
    fileName: c.filename,
    text: c.code,
  }));
  const lessonFiles = collectFiles([path.join(ROOT, 'lessons')]).files.map((f) => f.path);
  for (const f of lessonFiles)
    out.push({ name: path.relative(ROOT, f), fileName: f, text: fs.readFileSync(f, 'utf8') });
  let real = 0;
  for (const f of lintableFilesUnder(path.join(ROOT, 'node_modules'))) {
    if (real >= REAL_FILES) break;
    const size = fs.statSync(f).size;
    if (size > REAL_FILE_MAX_BYTES) continue;
    const text = fs.readFileSync(f, 'utf8');
    if (!mightUseWeakApis(text)) continue;
    out.push({ name: path.relative(ROOT, f), fileName: f, text });
    real++;
  }
  return out;
}

const SNIPPETS = [
  'x',
  ' ',
  '\n',
  ';',
  '(',
  ')',
  '{',
  '}',
  '[',
  ']',
  ',',
  '.',
  '?.',
  '!',
  '=',
  '/*',
  '*/',
  '//',
  '`',
  "'",
  '"',
  '${',
  'await ',
  'yield ',
  'async ',
  'return;',
  'if (o) ',
  'if (ref) ',
  '.delete(k)',
  'if (!o) return;\n',
  'const o = ref.deref();\n',
  'ref.deref()',
  '.deref().run()',
  'new WeakRef(1)',
  'new WeakMap()',
  'new WeakSet()',
  'new FinalizationRegistry(() => {})',
  '.register(t, t)',
  '.add(1)',
  '.set("k", 1)',
  'function f() {',
  '() => ',
  'let WeakRef;',
  'const WeakMap = Map;',
  'class C {',
  'this.',
  'o',
  'ref',
  'ws',
  'keep',
  'as any',
  '<T>',
];

type Edit = TextChange & { what: string };

/** One random edit of the kinds a person makes (and some no person would). */
function randomEdit(text: string, next: () => number): Edit {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
  const at = () => Math.floor(next() * (text.length + 1));
  const occurrences = (re: RegExp) => [...text.matchAll(re)];
  const replaceMatch = (m: RegExpMatchArray | undefined, newText: string, what: string): Edit | undefined =>
    m && m.index !== undefined ? { start: m.index, end: m.index + m[0].length, newText, what } : undefined;
  for (;;) {
    const kind = Math.floor(next() * 10);
    let edit: Edit | undefined;
    switch (kind) {
      case 0: {
        const p = at();
        edit = { start: p, end: p, newText: pick(SNIPPETS), what: 'insert' };
        break;
      }
      case 1: {
        const p = at();
        edit = { start: p, end: Math.min(text.length, p + 1 + Math.floor(next() * 20)), newText: '', what: 'delete' };
        break;
      }
      case 2: {
        const p = at();
        edit = {
          start: p,
          end: Math.min(text.length, p + Math.floor(next() * 8)),
          newText: pick(SNIPPETS),
          what: 'replace',
        };
        break;
      }
      case 3: {
        const m = pick(occurrences(/\b[A-Za-z_$][\w$]*\b/g));
        edit = replaceMatch(m, pick(['o', 'ref', 'ws', 'keep', 't', `${m?.[0] ?? ''}2`, 'WeakRef', 'Map']), 'rename');
        break;
      }
      case 4: {
        const m = pick(occurrences(/\b(WeakMap|WeakSet|Map|Set)\b/g));
        const swap: Record<string, string> = { WeakMap: 'Map', Map: 'WeakMap', WeakSet: 'Set', Set: 'WeakSet' };
        edit = replaceMatch(m, swap[m?.[0] ?? ''] ?? '', 'swap weak/strong');
        break;
      }
      case 5: {
        const m = pick(occurrences(/\bawait /g));
        edit = next() < 0.5 ? replaceMatch(m, '', 'remove await') : undefined;
        if (!edit) {
          const anchor = pick(occurrences(/[=(]\s*(?=[A-Za-z_$])/g));
          if (anchor?.index !== undefined)
            edit = {
              start: anchor.index + anchor[0].length,
              end: anchor.index + anchor[0].length,
              newText: 'await ',
              what: 'add await',
            };
        }
        break;
      }
      case 6: {
        const m = pick(occurrences(/\bif \([^()\n]*\) ?(return;|throw [^;\n]*;|continue;|break;)?/g));
        edit = next() < 0.5 ? replaceMatch(m, '', 'remove guard') : undefined;
        if (!edit) {
          const line = pick(occurrences(/^[ \t]*(?=\S)/gm));
          const guard = pick([
            'if (!o) return;\n',
            'if (o === undefined) return;\n',
            'if (o) ',
            'if (ref) ',
            '.delete(k)',
            'if (!ref.deref()) return;\n',
            'if (ref.deref()) ',
          ]);
          if (line?.index !== undefined)
            edit = {
              start: line.index + line[0].length,
              end: line.index + line[0].length,
              newText: guard,
              what: 'add guard',
            };
        }
        break;
      }
      case 7: {
        const commented = pick(occurrences(/^([ \t]*)\/\/ ?/gm));
        edit =
          next() < 0.5 && commented?.index !== undefined
            ? {
                start: commented.index + commented[1].length,
                end: commented.index + commented[0].length,
                newText: '',
                what: 'uncomment line',
              }
            : undefined;
        if (!edit) {
          const line = pick(occurrences(/^[ \t]*(?=\S)/gm));
          if (line?.index !== undefined)
            edit = {
              start: line.index + line[0].length,
              end: line.index + line[0].length,
              newText: '// ',
              what: 'comment line',
            };
        }
        break;
      }
      case 8: {
        // Two edits before the linter runs: the editor then sends the whole text.
        const p = at();
        edit = { start: p, end: p, newText: pick(SNIPPETS), what: 'insert (not sent as a change)' };
        break;
      }
      default: {
        const p = at();
        edit = {
          start: p,
          end: Math.min(text.length, p + Math.floor(next() * 3)),
          newText: pick(['', 'x', '\n', ' ']),
          what: 'keystroke',
        };
      }
    }
    if (edit && (edit.start !== edit.end || edit.newText !== '')) return edit;
  }
}

const apply = (text: string, e: TextChange) => text.slice(0, e.start) + e.newText + text.slice(e.end);
const comparable = (fs: Finding[]) =>
  JSON.stringify(fs.map((f) => [f.rule, f.severity, f.start, f.end, f.message, f.fixes]));

interface Difference {
  source: string;
  fileName: string;
  editIndex: number;
  edit: Edit;
  before: string;
  incremental: string;
  full: string;
}

/** Replays one edit on a fresh analyzer: does the difference need the history before it? */
function differsFromFresh(fileName: string, before: string, edit: TextChange, options: AnalyzeOptions): boolean {
  const session = new LintSession();
  session.lint({ type: 'lint', id: 1, key: 'k', fileName, text: before, options });
  const after = apply(before, edit);
  const r = session.lint({ type: 'lint', id: 2, key: 'k', fileName, text: after, changes: [edit], options });
  return comparable(r.findings) !== comparable(analyzeFile(after, fileName, options));
}

/** The smallest edit (shorter new text, shorter deleted range) that still differs from a fresh parse. */
function shrink(fileName: string, before: string, edit: TextChange, options: AnalyzeOptions): TextChange {
  let best = edit;
  for (let improved = true; improved;) {
    improved = false;
    const tries: TextChange[] = [
      { ...best, newText: best.newText.slice(0, Math.floor(best.newText.length / 2)) },
      { ...best, newText: best.newText.slice(1) },
      { ...best, newText: best.newText.slice(0, -1) },
      { ...best, end: best.start + Math.floor((best.end - best.start) / 2) },
      { ...best, start: best.start + 1 },
      { ...best, end: best.end - 1 },
    ].filter(
      (t) =>
        t.start <= t.end &&
        (t.start !== t.end || t.newText !== '') &&
        (t.newText !== best.newText || t.start !== best.start || t.end !== best.end),
    );
    for (const t of tries) {
      if (differsFromFresh(fileName, before, t, options)) {
        best = t;
        improved = true;
        break;
      }
    }
  }
  return best;
}

function runEdits(
  all: Source[],
  edits: number,
  seed: number,
): { differences: Difference[]; applied: number; incremental: number } {
  const next = rng(seed);
  const options: AnalyzeOptions = {};
  const differences: Difference[] = [];
  const perSource = Math.max(1, Math.ceil(edits / all.length));
  let applied = 0;
  let incremental = 0;
  for (const src of all) {
    if (applied >= edits) break;
    const session = new LintSession();
    const tracker = new ChangeTracker();
    let text = src.text;
    let id = 0;
    const lint = () => {
      const changes = tracker.take();
      if (changes) incremental++;
      const r = session.lint({ type: 'lint', id: ++id, key: src.name, fileName: src.fileName, text, changes, options });
      if (r.error) tracker.reset();
      return r.findings;
    };
    lint();
    for (let i = 0; i < perSource && applied < edits; i++) {
      const edit = randomEdit(text, next);
      const before = text;
      text = apply(text, edit);
      tracker.record([edit]);
      applied++;
      if (edit.what.includes('not sent')) continue; // the next edit arrives before the lint
      const incrementalFindings = comparable(lint());
      const full = comparable(analyzeFile(text, src.fileName, options));
      if (incrementalFindings !== full) {
        differences.push({
          source: src.name,
          fileName: src.fileName,
          editIndex: i,
          edit,
          before,
          incremental: incrementalFindings,
          full,
        });
        break; // the rest of this chain would only repeat the difference
      }
    }
  }
  return { differences, applied, incremental };
}

describe('incremental lint equals a full lint after every edit', function () {
  this.timeout(15 * 60_000);

  it("the editor's change tracking sends only a single edit as a change", () => {
    const t = new ChangeTracker();
    assert.equal(t.take(), undefined, 'the first request sends the whole text');
    t.record([{ start: 0, end: 0, newText: 'a' }]);
    assert.deepEqual(t.take(), [{ start: 0, end: 0, newText: 'a' }]);
    t.record([{ start: 0, end: 0, newText: 'a' }]);
    t.record([{ start: 1, end: 1, newText: 'b' }]);
    assert.equal(t.take(), undefined, 'two edits since the last request: whole text');
    t.record([
      { start: 0, end: 0, newText: 'a' },
      { start: 5, end: 5, newText: 'b' },
    ]);
    assert.equal(t.take(), undefined, 'a multi-cursor edit: whole text');
    t.record([{ start: 0, end: 1, newText: '' }]);
    t.reset();
    assert.equal(t.take(), undefined, 'after a reset: whole text');
  });

  it('a WeakSet renamed to Set and back re-lints from the current text, not a stale cache (WeakSet -> Set -> WeakSet)', () => {
    const filler = Array.from({ length: 30 }, (_, i) => `function filler${i}() { return ${i}; }`).join('\n');
    let text = `const keep = new WeakMap();\nconst ws = new WeakSet();\n${filler}\nfunction f() { ws.add('x'); }\n`;
    const session = new LintSession();
    const lintEdit = (from: string, to: string) => {
      const start = text.indexOf(from);
      const change = { start, end: start + from.length, newText: to };
      text = apply(text, change);
      return session.lint({ type: 'lint', id: 0, key: 'k', fileName: 'f.js', text, changes: [change], options: {} })
        .findings;
    };
    assert.equal(
      session.lint({ type: 'lint', id: 0, key: 'k', fileName: 'f.js', text, options: {} }).findings.length,
      1,
    );
    assert.deepEqual(
      lintEdit('new WeakSet', 'new Set').map((f) => f.rule),
      [],
    );
    assert.deepEqual(
      lintEdit('new Set', 'new WeakSet').map((f) => f.rule),
      ['invalid-weak-target'],
    );
  });

  it('its sources trigger every JavaScript rule, so the edits exercise each one', () => {
    const fired = new Set<string>();
    for (const s of sources()) for (const f of analyzeFile(s.text, s.fileName ?? 'test.ts')) fired.add(f.rule);
    const javascriptRules = RULES.filter((r) => r.languages.includes('javascript')).map((r) => r.id);
    assert.deepEqual(
      javascriptRules.filter((id) => !fired.has(id)),
      [],
    );
  });

  it(`shows no difference over ${EDITS} seeded random edits (seed ${SEED})`, () => {
    const all = sources();
    assert.ok(all.length > 300, `only ${all.length} sources: are the rule tables and node_modules there?`);
    const started = Date.now();
    const { differences, applied, incremental } = runEdits(all, EDITS, SEED);
    console.log(
      `      ${applied} edits over ${all.length} sources (${incremental} linted incrementally) in ${((Date.now() - started) / 1000).toFixed(1)} s, seed ${SEED}: ${differences.length} differences`,
    );
    if (differences.length > 0) {
      const d = differences[0];
      const fresh = differsFromFresh(d.fileName, d.before, d.edit, {});
      const smallest = fresh ? shrink(d.fileName, d.before, d.edit, {}) : d.edit;
      assert.fail(
        `${differences.length} differences (seed ${SEED}, rerun with WEAKREF_DIFF_SEED=${SEED}). First: ${d.source}, edit #${d.editIndex} ${d.edit.what} ` +
          `${JSON.stringify(d.edit)}; ${fresh ? `smallest failing edit from a fresh parse: ${JSON.stringify(smallest)}` : 'needs the edits before it to fail'}\n` +
          `text before:\n${d.before.slice(0, 2000)}\nincremental: ${d.incremental.slice(0, 1000)}\nfull:        ${d.full.slice(0, 1000)}`,
      );
    }
    assert.ok(applied >= EDITS, `only ${applied} edits applied`);
  });
});
