// The shape of a rule's case tables (rules/<id>/cases.ts), read only by the tests. A rule's
// JavaScript table is run by the engine's own tester (test/unit/rules/) and by ESLint's RuleTester
// under espree and @typescript-eslint/parser (test/eslint/), so the plugin and the engine cannot
// drift apart; its Python table by the Python tester (test/unit/python/).
import type { Severity } from '../types';

export interface ExpectedSuggestion {
  /** The suggestion's title (ESLint's `desc`). */
  desc: string;
  /** The whole code after applying only this suggestion. */
  output: string;
}

export interface ExpectedError {
  /**
   * One of the rule's message ids (rules/<id>/definition.ts); the text it renders with `data` is
   * checked once per message id (test/unit/ruleDefinitions.test.ts).
   */
  messageId: string;
  /** The values of the message's placeholders. */
  data: Record<string, string>;
  /** 1-based, as ESLint counts. */
  line: number;
  column: number;
  endLine?: number;
  endColumn: number;
  /** The engine's severity for this finding (ESLint takes the severity from its config instead). */
  severity?: Severity;
  /** Every suggestion this finding offers, in order; absent: it offers none. */
  suggestions?: ExpectedSuggestion[];
}

interface CaseBase {
  code: string;
  /** Default test.ts. Decides how the engine parses the code (a .js file is parsed as JavaScript). */
  filename?: string;
  name?: string;
  /** TypeScript-only syntax: espree cannot parse it, so ESLint runs it only under @typescript-eslint/parser. */
  ts?: boolean;
  /**
   * Why TypeScript's own narrowing (strictNullChecks) deliberately reaches another verdict on this
   * case; the TypeScript agreement test (test/unit/rules/unsafe-deref.typescript.test.ts) checks that it really does.
   */
  tscDiffers?: string;
}

export type ValidCase = string | CaseBase;

export interface InvalidCase extends CaseBase {
  errors: ExpectedError[];
  /**
   * The code after applying every finding's fix (not its suggestions) in one pass, as `eslint --fix`
   * does; absent or null: no finding offers a fix.
   */
  output?: string | null;
}

export interface RuleCases {
  valid: ValidCase[];
  invalid: InvalidCase[];
}

/** A rule's cases for each of its languages. */
export interface RuleCaseTables {
  javascript?: RuleCases;
  python?: PyCases;
}

export interface PyCases {
  valid: string[];
  invalid: PyInvalid[];
}

/** As a JavaScript finding (the Python front end offers suggestions, checked through a case's `output`). */
export interface PyExpected extends Omit<ExpectedError, 'suggestions'> {
  /** A substring of the message (the messages are long; the tables pin the part that matters). */
  message: string;
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
  severity?: Severity;
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
