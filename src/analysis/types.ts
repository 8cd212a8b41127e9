// The engine's public contract. Every view (diagnostics, quick fixes, CLI, tests)
// consumes these plain objects, so nothing here may depend on `vscode`.
import type * as TS from 'typescript';

// The rule ids come from the rules' definitions (ruleMeta.ts).
export { RULE_IDS, type RuleId } from './ruleMeta';

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

/** 0-based line and UTF-16 column, as VS Code and the TypeScript compiler count them. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A replacement of the text between two offsets of the analysed text. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/**
 * As in ESLint: a `fix` keeps the code's meaning and may be applied without asking (`eslint --fix`);
 * a `suggestion` changes structure or behaviour, so a person chooses it.
 */
export type FixKind = 'fix' | 'suggestion';

export interface Fix {
  /** Rendered from the rule's message `messageId` with `data`. */
  title: string;
  kind: FixKind;
  messageId: string;
  data: Record<string, string>;
  edits: TextEdit[];
}

export interface Finding {
  /** A rule id from RULE_IDS, or an engine-level id such as the one for an unknown id in a suppression comment. */
  rule: string;
  severity: Severity;
  /** Rendered from the rule's message `messageId` with `data` (ruleMeta.ts renderMessage). */
  message: string;
  messageId: string;
  data: Record<string, string>;
  /** Offsets into the analysed text. */
  start: number;
  end: number;
  range: Range;
  fixes: Fix[];
}

/** Why a text could not be analysed. Its findings are then empty: callers must say so, never show "no problems". */
export interface AnalysisFailure {
  /** too-deep: nesting overflowed the call stack; internal-error: a bug in the engine. */
  reason: 'too-deep' | 'internal-error';
  message: string;
}

export interface AnalysisResult {
  findings: Finding[];
  failure?: AnalysisFailure;
}

export interface AnalyzeOptions {
  /** Per-rule override; rules not listed keep their default severity. */
  rules?: Partial<Record<string, SeveritySetting>>;
  /**
   * A type checker whose program contains the analysed source file (typed mode, e.g. typescript-eslint's
   * typed linting): invalid-weak-target then also flags values whose type is certainly primitive.
   */
  typeChecker?: TS.TypeChecker;
  /** Told about errors the engine caught instead of throwing (the never-throws test listens). */
  onInternalError?: (error: unknown) => void;
  /**
   * Script or module goal, where the host says (ESLint's sourceType); otherwise the file name decides.
   * In a Script, HTML-like comments (`<!--`, and `-->` at a line's start) are comments.
   */
  sourceType?: 'script' | 'module';
}

/** A change to the previously analysed text, in offsets of that previous text. */
export interface TextChange {
  start: number;
  end: number;
  newText: string;
}
