// What a rule sees: the parsed file, scopes and value facts, and a way to report.
import type * as TS from 'typescript';
import type { Scopes } from './scope';
import type { RuleMessage } from './ruleMeta';
import type { Fix, RuleId, Severity } from './types';
import type { Values } from './values';

export type Report = RuleMessage & {
  /** Reported on this node's text (without leading trivia)… */
  node?: TS.Node;
  /** …or on these offsets. */
  start?: number;
  end?: number;
  /** Overrides the rule's default severity (invalid-weak-target: error vs warning). */
  severity?: Severity;
  fixes?: Fix[];
};

export interface RuleContext {
  ts: typeof TS;
  sourceFile: TS.SourceFile;
  text: string;
  scopes: Scopes;
  values: Values;
  /** Typed mode only: the checker of a program that contains sourceFile. */
  checker?: TS.TypeChecker;
  report(r: Report): void;
}

export interface Rule {
  id: RuleId;
  /** Called for every call and `new` expression in the file. */
  check(node: TS.CallExpression | TS.NewExpression, ctx: RuleContext): void;
}
