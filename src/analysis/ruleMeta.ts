// What every view reads of the rules, derived from the one list of rules (rules/index.ts): the ids,
// the severities, the docs links, the messages, the fixes and the ESLint plugin.
import { renderRuleMessage, type RuleDefinition, type RuleLanguage } from './rule';
import { RULE_DEFINITIONS } from './rules/index';
import type { Severity, SeveritySetting } from './types';

export { DOCS_BASE_URL, type RuleDefinition, type RuleLanguage } from './rule';

type AnyRule = (typeof RULE_DEFINITIONS)[number];

/** Every rule's definition, in the list's order. */
export const RULES: readonly AnyRule[] = RULE_DEFINITIONS;

export type RuleId = AnyRule['id'];
/** The message ids of one rule. */
export type MessageId<R extends RuleId> = keyof Extract<AnyRule, { id: R }>['messages'] & string;
export type MessageData = Readonly<Record<string, string>>;

/** What a rule reported, before it is located: a rule id, one of its message ids, and the data for its placeholders. */
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
 * A front end's checks, one for each rule defined for its language, in the list's order: `load` reads
 * a rule's check from its folder. A rule defined for the language without a check there, or a check
 * bound to another rule's definition, is a bug that fails as soon as the front end loads.
 */
export function checksFor<Check extends { definition: RuleDefinition }>(
  language: RuleLanguage,
  load: (id: string) => Check | undefined,
  rules: readonly RuleDefinition[] = RULES,
): readonly Check[] {
  return rules
    .filter((r) => r.languages.includes(language))
    .map((r) => {
      const check = load(r.id);
      if (check?.definition !== r)
        throw new Error(`rule ${r.id} is defined for ${language}, but its folder has no ${language} check bound to it`);
      return check;
    });
}

/** The text of a rule's message, its placeholders filled from data. A message id the rule lacks is a bug. */
export function renderMessage(m: RuleMessage): string {
  return renderRuleMessage(ruleDefinition(m.rule), m.messageId, m.data);
}

/** An id in a suppression comment that names no rule. */
export const UNKNOWN_RULE_IN_COMMENT = 'unknown-rule-in-comment';
