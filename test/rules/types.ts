// The shape of a rule's test table. One table per rule (test/rules/<id>.cases.ts) is run by the
// engine's own tester (test/unit/rules/) and by ESLint's RuleTester under espree and
// @typescript-eslint/parser (test/eslint/), so the plugin and the engine cannot drift apart.

export interface ExpectedSuggestion {
  /** The suggestion's title (ESLint's `desc`). */
  desc: string;
  /** The whole code after applying only this suggestion. */
  output: string;
}

export interface ExpectedError {
  /** The text the finding shows; it must be what `messageId` renders with `data`. */
  message: string;
  /** One of the rule's message ids (its definition in src/analysis/definitions/). */
  messageId: string;
  /** The values of the message's placeholders. */
  data: Record<string, string>;
  /** 1-based, as ESLint counts. */
  line: number;
  column: number;
  endLine?: number;
  endColumn: number;
  /** The engine's severity for this finding (ESLint takes the severity from its config instead). */
  severity?: 'error' | 'warning' | 'info';
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
