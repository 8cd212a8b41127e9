// Every rule's definition (src/analysis/definitions/<id>.ts), in one list that every view derives
// from: the ids, the severities, the docs links, the messages, the fixes and the ESLint plugin.
import { invalidWeakTarget } from './definitions/invalid-weak-target';
import { registerHoldsTarget } from './definitions/register-holds-target';
import type { RuleDefinition, RuleLanguage } from './definitions/ruleDefinition';
import { unsafeDeref } from './definitions/unsafe-deref';
import { weakKeyHeldByValue } from './definitions/weak-key-held-by-value';
import { weakTargetUnreachable } from './definitions/weak-target-unreachable';
import { interpolate } from './messages';
import type { Fix, Severity, SeveritySetting, TextEdit } from './types';

export { DOCS_BASE_URL, type RuleDefinition, type RuleLanguage } from './definitions/ruleDefinition';

export const RULES = [
  unsafeDeref,
  invalidWeakTarget,
  registerHoldsTarget,
  weakTargetUnreachable,
  weakKeyHeldByValue,
] as const;

type AnyRule = (typeof RULES)[number];
export type RuleId = AnyRule['id'];
/** The message ids of one rule. */
export type MessageId<R extends RuleId> = keyof Extract<AnyRule, { id: R }>['messages'] & string;
export type MessageData = Readonly<Record<string, string>>;

/** What a rule reports, before it is located: a rule id, one of its message ids, and the data for its placeholders. */
export type RuleMessage = {
  [R in RuleId]: { rule: R; messageId: MessageId<R>; data?: MessageData };
}[RuleId];

export const RULE_IDS: readonly RuleId[] = RULES.map((r) => r.id);

/** The severities a setting may name (the CLI's --rule, the editor's weakrefLessons.lint.rules, package.json's enums). */
export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['off', 'info', 'warning', 'error'];

/** The prefix a rule id may carry where ESLint's spelling is accepted (`weakref/unsafe-deref`). */
export const RULE_PREFIX = 'weakref/';

/** A rule id as written in a setting, a comment or on the command line, without the optional `weakref/`. */
export function bareRuleId(written: string): string {
  return written.startsWith(RULE_PREFIX) ? written.slice(RULE_PREFIX.length) : written;
}

export function isRuleId(id: string): id is RuleId {
  return (RULE_IDS as readonly string[]).includes(id);
}

export function ruleDefinition(id: RuleId): RuleDefinition {
  return RULES.find((r) => r.id === id)!;
}

export function defaultSeverity(id: string): Severity | undefined {
  return isRuleId(id) ? ruleDefinition(id).defaultSeverity : undefined;
}

/**
 * A front end's checks in the definitions' order, one for each rule defined for its language: a rule
 * defined for the language without a check there, or a check of a rule not defined for it, is a bug
 * that fails as soon as the front end loads.
 */
export function checksFor<Check>(
  language: RuleLanguage,
  checks: Partial<Record<RuleId, Check>>,
): readonly [RuleId, Check][] {
  const defined = RULES.filter((r) => r.languages.includes(language)).map((r) => r.id);
  const stray = Object.keys(checks).filter((id) => !(defined as readonly string[]).includes(id));
  const missing = defined.filter((id) => !checks[id]);
  if (stray.length || missing.length)
    throw new Error(
      `${language} checks disagree with the rule definitions: missing ${missing.join(', ')}; not defined ${stray.join(', ')}`,
    );
  return defined.map((id) => [id, checks[id]!]);
}

/** The text of a rule's message, its placeholders filled from data. A message id the rule lacks is a bug. */
export function renderMessage(m: RuleMessage): string {
  const template = (ruleDefinition(m.rule).messages as Record<string, string>)[m.messageId];
  if (template === undefined) throw new Error(`rule ${m.rule} has no message "${m.messageId}"`);
  return interpolate(template, m.data);
}

/**
 * A fix or suggestion titled by one of the rule's messages: whether it is a fix (applied without asking)
 * or a suggestion is the definition's word, not the caller's.
 */
export function ruleFix(m: RuleMessage, edits: TextEdit[]): Fix {
  const def = ruleDefinition(m.rule);
  const kind = def.fixes.includes(m.messageId)
    ? 'fix'
    : def.suggestions.includes(m.messageId)
      ? 'suggestion'
      : undefined;
  if (!kind) throw new Error(`rule ${m.rule}: "${m.messageId}" titles neither a fix nor a suggestion`);
  return { title: renderMessage(m), kind, messageId: m.messageId, data: { ...m.data }, edits };
}

/** An id in a suppression comment that names no rule. */
export const UNKNOWN_RULE_IN_COMMENT = 'unknown-rule-in-comment';
