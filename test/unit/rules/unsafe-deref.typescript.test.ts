// unsafe-deref reads guards as TypeScript's control-flow narrowing reads them. This test runs
// the real type checker (strictNullChecks) over every case of the rule's table, with `ref`, `r`
// and `x` declared as WeakRef<Target>, and checks that both agree on which uses of a variable
// holding a deref() result are "possibly undefined". For direct `ref.deref().p` uses the rule
// may be quieter than TypeScript (a guarded second deref() in the same job is safe, and
// TypeScript never narrows calls), but everything the rule flags TypeScript flags too.
// A case TypeScript cannot type (an untyped receiver is `any`) is skipped; a case marked
// `tscDiffers` must really differ, so the mark cannot go stale.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as ts from 'typescript';
import { analyze } from '../../../src/analysis/index';
import { cases as unsafeDerefTables } from '../../../src/analysis/rules/unsafe-deref/cases';
import type { RuleCases } from '../../../src/analysis/rules/caseTable';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const CASE_DIR = path.join(ROOT, '__unsafe_deref_cases__');
const GLOBALS = `
interface Target { [key: string]: any; [Symbol.iterator](): Iterator<any>; }
declare const ref: WeakRef<Target>;
declare const r: WeakRef<Target>;
declare const x: WeakRef<Target>;
declare const obj: Target;
declare const list: Target;
declare const el: Target;
declare const prev: Target;
declare class Widget { render(): void; }
declare function make(): Target;
`;
const OPTIONS: ts.CompilerOptions = {
  strict: true,
  noImplicitAny: false,
  noEmit: true,
  skipLibCheck: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.CommonJS,
  esModuleInterop: true,
  lib: ['lib.es2022.d.ts'],
  types: ['node'],
  typeRoots: [path.join(ROOT, 'node_modules', '@types')],
};

interface Case {
  code: string;
  tscDiffers?: string;
  label: string;
}

function casesOf(table: RuleCases): Case[] {
  const valid = table.valid.map((c, i) =>
    typeof c === 'string'
      ? { code: c, label: `valid #${i + 1}` }
      : { code: c.code, tscDiffers: c.tscDiffers, label: `valid #${i + 1}` },
  );
  const invalid = table.invalid.map((c, i) => ({ code: c.code, tscDiffers: c.tscDiffers, label: `invalid #${i + 1}` }));
  return [...valid, ...invalid];
}

/** One program for all cases: each case is its own module, so its names do not clash. */
function typeCheck(cases: readonly Case[]): { program: ts.Program; files: string[] } {
  const files = cases.map((_, i) => path.join(CASE_DIR, `case${i}.ts`));
  const texts = new Map(files.map((f, i) => [f, `${cases[i].code}\nexport {};\n`]));
  const globals = path.join(CASE_DIR, 'globals.d.ts');
  texts.set(globals, GLOBALS);
  const host = ts.createCompilerHost(OPTIONS);
  const base = {
    getSourceFile: host.getSourceFile.bind(host),
    fileExists: host.fileExists.bind(host),
    readFile: host.readFile.bind(host),
  };
  host.getSourceFile = (name, lang, ...rest) => {
    const text = texts.get(path.resolve(name));
    return text !== undefined ? ts.createSourceFile(name, text, lang) : base.getSourceFile(name, lang, ...rest);
  };
  host.fileExists = (name) => texts.has(path.resolve(name)) || base.fileExists(name);
  host.readFile = (name) => texts.get(path.resolve(name)) ?? base.readFile(name);
  return { program: ts.createProgram([globals, ...files], OPTIONS, host), files };
}

const lineOf = (code: string, offset: number) => code.slice(0, offset).split('\n').length;

interface Verdicts {
  /** Lines where a variable holding a deref() result is used as if defined. */
  variable: number[];
  /** Lines where a deref() call's result is used as if defined. */
  direct: number[];
}

/** For a position inside `const { a } = value`'s pattern: where `value` is. */
function valueDestructuredAt(sf: ts.SourceFile, offset: number): { start: number; end: number } | undefined {
  let found: { start: number; end: number } | undefined;
  const visit = (n: ts.Node): void => {
    if (offset < n.getStart(sf) || offset >= n.end) return;
    if (ts.isVariableDeclaration(n) && ts.isObjectBindingPattern(n.name) && n.initializer && offset < n.name.end)
      found = { start: n.initializer.getStart(sf), end: n.initializer.end };
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return found;
}

function tscVerdicts(program: ts.Program, file: string, code: string): Verdicts | undefined {
  const sf = program.getSourceFile(file)!;
  const checker = program.getTypeChecker();
  // Only cases whose every deref() returns `T | undefined` (not `any`) say anything.
  let typed = true;
  const visit = (n: ts.Node): void => {
    if (
      ts.isCallExpression(n) &&
      ts.isPropertyAccessExpression(n.expression) &&
      n.expression.name.text === 'deref' &&
      n.arguments.length === 0
    ) {
      const t = checker.getTypeAtLocation(n);
      if (!(
        t.isUnion() &&
        t.types.some((m) => m.flags & ts.TypeFlags.Undefined) &&
        !t.types.some((m) => m.flags & ts.TypeFlags.Any)
      ))
        typed = false;
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  if (!typed) return undefined;
  const out: Verdicts = { variable: [], direct: [] };
  for (const d of program.getSemanticDiagnostics(sf)) {
    if (
      d.start === undefined ||
      d.start >= code.length ||
      !ts.flattenDiagnosticMessageText(d.messageText, '\n').includes('undefined')
    )
      continue;
    // TypeScript reports a destructuring on the property name; the rule on the value destructured.
    const at = valueDestructuredAt(sf, d.start) ?? { start: d.start, end: d.start + (d.length ?? 0) };
    const text = code.slice(at.start, at.end);
    (/deref\(\s*\)$/.test(text) ? out.direct : out.variable).push(lineOf(code, at.start));
  }
  return out;
}

function ourVerdicts(code: string): Verdicts {
  const out: Verdicts = { variable: [], direct: [] };
  for (const f of analyze(code, 'test.ts')) {
    // `x!` and `x as T` are flagged for hiding undefined from TypeScript: it cannot agree.
    if (f.rule !== 'unsafe-deref' || f.message.includes('hides that')) continue;
    (code.slice(f.start, f.end).endsWith(')') ? out.direct : out.variable).push(lineOf(code, f.start));
  }
  return out;
}

const uniq = (xs: number[]) => [...new Set(xs)].sort((a, b) => a - b);

describe('unsafe-deref agrees with TypeScript narrowing', function () {
  this.timeout(120_000);
  const cases = casesOf(unsafeDerefTables.javascript!);
  let checked: { program: ts.Program; files: string[] } | undefined;
  const program = () => (checked ??= typeCheck(cases));
  let compared = 0;

  cases.forEach((c, i) => {
    it(`${c.label}: ${c.code.replace(/\s+/g, ' ').slice(0, 70)}`, function () {
      const { program: p, files } = program();
      const tsc = tscVerdicts(p, files[i], c.code);
      if (!tsc) return this.skip();
      compared++;
      const ours = ourVerdicts(c.code);
      const variableAgrees = JSON.stringify(uniq(ours.variable)) === JSON.stringify(uniq(tsc.variable));
      const directAgrees = ours.direct.every((l) => tsc.direct.includes(l));
      if (c.tscDiffers) {
        assert.ok(!(variableAgrees && directAgrees), `marked tscDiffers (${c.tscDiffers}), but TypeScript agrees`);
        return;
      }
      assert.deepEqual(
        uniq(ours.variable),
        uniq(tsc.variable),
        'lines where a variable holding deref() is used unsafely: ours vs TypeScript',
      );
      assert.ok(
        directAgrees,
        `direct deref() uses flagged on lines ${uniq(ours.direct).join(',')} but TypeScript only flags ${uniq(tsc.direct).join(',')}`,
      );
    });
  });

  it('compared enough cases to mean something', () => {
    assert.ok(compared >= 40, `only ${compared} cases were typed well enough to compare`);
  });
});
