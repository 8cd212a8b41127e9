// typescript-eslint-style rule tests run on the engine itself: code that must stay clean, and
// code that must produce exactly these findings (rule, message id and data, 1-based range, severity, every
// suggestion), with ESLint's meaning of `output`: every finding's fix applied in one pass.
import * as assert from 'node:assert/strict';
import { analyze } from '../../../src/analysis/index';
import type { Finding, Fix, TextEdit } from '../../../src/analysis/types';
import { TABLES } from '../../rules/tables';
import type { RuleCases } from '../../../src/analysis/rules/caseTable';

/** Every case of every rule table, whichever test files mocha loaded: the differential test edits them. */
export function registeredCases(): readonly { rule: string; code: string; filename: string }[] {
  return Object.entries(TABLES).flatMap(([rule, table]) =>
    [...table.valid, ...table.invalid].map((c) => {
      const { code, filename = 'test.ts' } = typeof c === 'string' ? { code: c } : c;
      return { rule, code, filename };
    }),
  );
}

function describeCase(code: string, name?: string): string {
  const oneLine = code.replace(/\s+/g, ' ').trim();
  return name ?? (oneLine.length > 90 ? `${oneLine.slice(0, 87)}…` : oneLine);
}

function errorsFor(rule: string, code: string, filename: string): Finding[] {
  const failures: unknown[] = [];
  const found = analyze(code, filename, { onInternalError: (e) => failures.push(e) });
  assert.deepEqual(failures, [], 'the engine caught an internal error');
  return found.filter((f) => f.rule === rule);
}

export function applyEdits(code: string, edits: readonly TextEdit[]): string {
  let text = code;
  for (const e of [...edits].sort((a, b) => b.start - a.start))
    text = text.slice(0, e.start) + e.newText + text.slice(e.end);
  return text;
}

/** As ESLint's fixer does: each finding's fix, in order of position, skipping one that overlaps an earlier one. */
export function applyFixes(code: string, fixes: readonly Fix[]): string {
  const spans = fixes
    .map((f) => ({ f, start: Math.min(...f.edits.map((e) => e.start)), end: Math.max(...f.edits.map((e) => e.end)) }))
    .sort((a, b) => a.start - b.start);
  const kept: TextEdit[] = [];
  let lastEnd = -1;
  for (const s of spans) {
    if (s.start < lastEnd) continue;
    kept.push(...s.f.edits);
    lastEnd = s.end;
  }
  return applyEdits(code, kept);
}

export function ruleTester(rule: string, cases: RuleCases): void {
  describe(`rule ${rule}`, () => {
    describe(`valid (${cases.valid.length})`, () => {
      for (const c of cases.valid) {
        const { code, filename = 'test.ts', name } = typeof c === 'string' ? { code: c } : c;
        it(describeCase(code, name), () => {
          const found = errorsFor(rule, code, filename);
          assert.deepEqual(
            found.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.message}`),
            [],
          );
        });
      }
    });
    describe(`invalid (${cases.invalid.length})`, () => {
      for (const c of cases.invalid) {
        it(describeCase(c.code, c.name), () => {
          const found = errorsFor(rule, c.code, c.filename ?? 'test.ts');
          const actual = found.map((f) => {
            const suggestions = f.fixes
              .filter((x) => x.kind === 'suggestion')
              .map((x) => ({ desc: x.title, output: applyEdits(c.code, x.edits) }));
            return {
              messageId: f.messageId,
              data: f.data,
              line: f.range.start.line + 1,
              column: f.range.start.character + 1,
              endLine: f.range.end.line + 1,
              endColumn: f.range.end.character + 1,
              severity: f.severity,
              ...(suggestions.length ? { suggestions } : {}),
            };
          });
          const expected = c.errors.map((e, i) => ({
            ...e,
            endLine: e.endLine ?? e.line,
            severity: e.severity ?? actual[i]?.severity,
          }));
          assert.deepEqual(actual, expected);
          const fixes = found.map((f) => f.fixes.find((x) => x.kind === 'fix')).filter((x): x is Fix => !!x);
          if (c.output === undefined || c.output === null)
            assert.deepEqual(
              fixes.map((f) => f.title),
              [],
              'no fix expected (give `output` if there is one)',
            );
          else assert.equal(applyFixes(c.code, fixes), c.output);
        });
      }
    });
  });
}
