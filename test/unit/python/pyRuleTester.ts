// Rule tables for the Python front end, in the shape of ../rules/ruleTester.ts: code that must
// stay clean, and code that must produce exactly these findings (message id, data, message part,
// 1-based range, severity), and optionally this text after applying the first finding's first fix or
// suggestion (the Python front end offers only suggestions).
import * as assert from 'node:assert/strict';
import { analyzePython } from '../../../src/analysis/index';
import type { Finding } from '../../../src/analysis/types';

export interface PyExpected {
  /** A substring of the message (the messages are long; the tables pin the part that matters). */
  message: string;
  /** One of the rule's message ids (its definition in src/analysis/definitions/). */
  messageId: string;
  /** The values of the message's placeholders. */
  data: Record<string, string>;
  line: number;
  column: number;
  endLine?: number;
  endColumn: number;
  severity?: Finding['severity'];
}

export interface PyInvalid {
  code: string;
  errors: PyExpected[];
  output?: string | null;
}

/** What one marked range must report: its message id and data, a part of its text, and optionally its severity. */
export interface PyMessage {
  message: string;
  messageId: string;
  data: Record<string, string>;
  severity?: Finding['severity'];
}

/**
 * An invalid case written with «» around each expected range (in order) and what each must report:
 * `marked('weakref.ref(«[]»)', { message: 'list', messageId: 'cannotReference', data: { … } })`.
 */
export function marked(source: string, ...messages: PyMessage[]): PyInvalid & { outputFrom?: never } {
  const errors: PyExpected[] = [];
  let code = '';
  const open: { line: number; column: number }[] = [];
  let line = 1;
  let column = 1;
  for (const ch of source) {
    if (ch === '«') {
      open.push({ line, column });
      continue;
    }
    if (ch === '»') {
      const start = open.pop()!;
      errors.push({
        message: '',
        messageId: '',
        data: {},
        line: start.line,
        column: start.column,
        endLine: line,
        endColumn: column,
      });
      continue;
    }
    code += ch;
    if (ch === '\n') {
      line++;
      column = 1;
    } else column++;
  }
  errors.sort((a, b) => a.line - b.line || a.column - b.column);
  if (errors.length !== messages.length)
    throw new Error(`marked(): ${errors.length} ranges but ${messages.length} messages in ${source}`);
  errors.forEach((e, i) => {
    const { message, messageId, data, severity } = messages[i];
    Object.assign(e, { message, messageId, data }, severity ? { severity } : {});
  });
  return { code, errors };
}

/** The same, with the text expected after the first fix or suggestion. */
export function markedWithFix(source: string, output: string | null, ...messages: PyMessage[]): PyInvalid {
  return { ...marked(source, ...messages), output };
}

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
