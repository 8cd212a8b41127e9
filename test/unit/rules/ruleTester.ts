// typescript-eslint-style rule tests: code that must stay clean, and code that must produce
// exactly these findings (rule, message, 1-based range, severity) and, when given, this text
// after applying the first fix of the first finding.
import * as assert from 'node:assert/strict';
import { analyze } from '../../../src/analysis/index';
import type { Finding } from '../../../src/analysis/types';

export interface ExpectedError {
  message: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn: number;
  severity?: Finding['severity'];
}

/**
 * tscDiffers: why TypeScript's own narrowing (strictNullChecks) deliberately reaches another
 * verdict on this case; the TypeScript agreement test checks that it really does.
 */
export type ValidCase = string | { code: string; filename?: string; name?: string; tscDiffers?: string };

export interface InvalidCase {
  code: string;
  filename?: string;
  name?: string;
  errors: ExpectedError[];
  tscDiffers?: string;
  /** The text after applying the first fix of the first finding; null: it must have no fix. */
  output?: string | null;
}

function describeCase(code: string, name?: string): string {
  const oneLine = code.replace(/\s+/g, ' ').trim();
  return name ?? (oneLine.length > 90 ? `${oneLine.slice(0, 87)}…` : oneLine);
}

function errorsFor(rule: string, code: string, filename: string, errorsIn: (f: Finding) => boolean = () => true): Finding[] {
  const failures: unknown[] = [];
  const found = analyze(code, filename, { onInternalError: (e) => failures.push(e) });
  assert.deepEqual(failures, [], 'the engine caught an internal error');
  return found.filter((f) => f.rule === rule && errorsIn(f));
}

const registered: { rule: string; code: string; filename: string }[] = [];
/** Every case of every table loaded so far: the differential test edits them. */
export function registeredCases(): readonly { rule: string; code: string; filename: string }[] {
  return registered;
}

export function ruleTester(rule: string, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  for (const c of [...cases.valid, ...cases.invalid]) {
    const { code, filename = 'test.ts' } = typeof c === 'string' ? { code: c } : c;
    registered.push({ rule, code, filename });
  }
  describe(`rule ${rule}`, () => {
    describe(`valid (${cases.valid.length})`, () => {
      for (const c of cases.valid) {
        const { code, filename = 'test.ts', name } = typeof c === 'string' ? { code: c } : c;
        it(describeCase(code, name), () => {
          const found = errorsFor(rule, code, filename);
          assert.deepEqual(found.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.message}`), []);
        });
      }
    });
    describe(`invalid (${cases.invalid.length})`, () => {
      for (const c of cases.invalid) {
        it(describeCase(c.code, c.name), () => {
          const found = errorsFor(rule, c.code, c.filename ?? 'test.ts');
          const actual = found.map((f) => ({
            message: f.message,
            line: f.range.start.line + 1,
            column: f.range.start.character + 1,
            endLine: f.range.end.line + 1,
            endColumn: f.range.end.character + 1,
            severity: f.severity,
          }));
          const expected = c.errors.map((e, i) => ({ ...e, endLine: e.endLine ?? e.line, severity: e.severity ?? actual[i]?.severity }));
          assert.deepEqual(actual, expected);
          if (c.output !== undefined) {
            const fix = found[0]?.fixes[0];
            if (c.output === null) return assert.equal(fix, undefined, 'expected no fix');
            assert.ok(fix, 'expected a fix');
            const edits = [...fix.edits].sort((a, b) => b.start - a.start);
            let text = c.code;
            for (const e of edits) text = text.slice(0, e.start) + e.newText + text.slice(e.end);
            assert.equal(text, c.output);
          }
        });
      }
    });
  });
}
