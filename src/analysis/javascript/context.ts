// What a JavaScript rule's check sees: the parsed file, scopes and value facts, and, bound to its
// rule, a way to report and to title a fix.
import type * as TS from 'typescript';
import type { BoundContext, Check, MessageIdIn, RuleDefinition } from '../rule';
import type { Fix, Severity } from '../types';
import type { Scopes } from './scope';
import type { Values } from './values';

/** Where a finding is and what it offers; the rule and the message come from the bound context. */
export interface Report {
  /** Reported on this node's text (without leading trivia)… */
  node?: TS.Node;
  /** …or on these offsets. */
  start?: number;
  end?: number;
  /** Overrides the rule's default severity (invalid-weak-target: error vs warning). */
  severity?: Severity;
  fixes?: Fix[];
}

/** What every rule's check shares for one file. */
export interface FileContext {
  ts: typeof TS;
  sourceFile: TS.SourceFile;
  text: string;
  scopes: Scopes;
  values: Values;
  /** Typed mode only: the checker of a program that contains sourceFile. */
  checker?: TS.TypeChecker;
}

export type RuleContext<M extends string = string> = FileContext & BoundContext<M, Report>;

/** A call or `new` that could touch a weak API (the front end's one walk finds them). */
export type CallOrNew = TS.CallExpression | TS.NewExpression;

export interface JavaScriptHandlers {
  /** Called for every call and `new` expression that could reach a weak API, in the file's order. */
  call?(node: CallOrNew): void;
}

export type JavaScriptCheck = Check<RuleContext, JavaScriptHandlers>;

/** A rule's JavaScript check, bound to its definition: its reports may name only the rule's JavaScript messages. */
export function javascriptCheck<const D extends RuleDefinition>(
  definition: D,
  create: (context: RuleContext<MessageIdIn<D, 'javascript'>>) => JavaScriptHandlers,
): JavaScriptCheck {
  return { definition, create };
}
