// Rule tables for the Python front end, in the shape of ../rules/ruleTester.ts: code that must
// stay clean, and code that must produce exactly these findings (message id, data, message part,
// 1-based range, severity), and optionally this text after applying the first finding's first fix or
// suggestion (the Python front end offers only suggestions).
import * as assert from 'node:assert/strict';
import { analyzePython } from '../../../src/analysis/index';
import type { Finding } from '../../../src/analysis/types';
import type { PyInvalid } from '../../../src/analysis/rules/caseTable';

function lint(rule: string, code: string): Finding[] {
  const failures: unknown[] = [];
  const found = analyzePython(code, { onInternalError: (e) => failures.push(e) });
  assert.deepEqual(failures, [], 'the engine caught an internal error');
  return found.filter((f) => f.rule === rule);
}

const title = (code: string) => {
  const one = code.replace(/\s+/g, ' ').trim();
  return one.length > 90 ? `${one.slice(0, 87)}…` : one;
};

export function pyRuleTester(rule: string, cases: { valid: string[]; invalid: PyInvalid[] }): void {
  describe(`Python rule ${rule}`, () => {
    describe(`valid (${cases.valid.length})`, () => {
      for (const code of cases.valid) {
        it(title(code), () => {
          assert.deepEqual(
            lint(rule, code).map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.message}`),
            [],
          );
        });
      }
    });
    describe(`invalid (${cases.invalid.length})`, () => {
      for (const c of cases.invalid) {
        it(title(c.code), () => {
          const found = lint(rule, c.code);
          const actual = found.map((f, i) => ({
            message: c.errors[i] && f.message.includes(c.errors[i].message) ? c.errors[i].message : f.message,
            messageId: f.messageId,
            data: f.data,
            line: f.range.start.line + 1,
            column: f.range.start.character + 1,
            endLine: f.range.end.line + 1,
            endColumn: f.range.end.character + 1,
            severity: f.severity,
          }));
          const expected = c.errors.map((e, i) => ({
            ...e,
            endLine: e.endLine ?? e.line,
            severity: e.severity ?? actual[i]?.severity,
          }));
          assert.deepEqual(actual, expected);
          if (c.output !== undefined) {
            const fix = found[0]?.fixes[0];
            if (c.output === null) return assert.equal(fix, undefined, 'expected no fix');
            assert.ok(fix, 'expected a fix');
            let text = c.code;
            for (const e of [...fix.edits].sort((a, b) => b.start - a.start))
              text = text.slice(0, e.start) + e.newText + text.slice(e.end);
            assert.equal(text, c.output);
          }
        });
      }
    });
  });
}
