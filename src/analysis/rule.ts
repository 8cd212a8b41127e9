// The shape of one rule, the same for both front ends. A rule is a folder, rules/<id>/: its
// definition (definition.ts: everything every view reads of it: engine, editor, CLI, SARIF, ESLint
// plugin, the generated copies in package.json and the docs) and its checks for each language
// (javascript.ts, python.ts). A check is made as ESLint's rules are: create(context) returns the
// handlers the front end calls, and the context is bound to the rule, so a report names only one of
// the rule's own messages.
import { interpolate } from './messages';
import type { Fix, Severity, TextEdit } from './types';

export type RuleLanguage = 'javascript' | 'python';

/** Where the repository's rule pages live; the ESLint plugin's package.json names the same repository. */
export const DOCS_BASE_URL = 'https://github.com/weakref-lessons/weakref-lessons/blob/main/docs/rules/';

/**
 * One text the rule shows, with `{{ name }}` placeholders filled from a report's data, as in ESLint's
 * meta.messages, and the languages whose checks can report it (ESLint is told only JavaScript's).
 */
export interface RuleMessageText {
  text: string;
  languages: readonly RuleLanguage[];
}

/** What every view reads of a rule. */
export interface RuleDefinition {
  id: string;
  defaultSeverity: Severity;
  description: string;
  /** The lesson (topic id) that teaches the rule. */
  lesson: string;
  /** The languages it applies to: one check per language (javascript.ts, python.ts beside the definition). */
  languages: readonly RuleLanguage[];
  /** Every text the rule shows, by id: the findings' messages and the titles of its fixes and suggestions. */
  messages: Readonly<Record<string, RuleMessageText>>;
  /** The message ids that title a fix: it keeps the code's meaning, so it may be applied without asking. */
  fixes: readonly string[];
  /** The message ids that title a suggestion: it changes structure or behaviour, so a person chooses it. */
  suggestions: readonly string[];
  /** The rule's page, relative to the extension's root. */
  docs: string;
  /** The rule's page in the repository (ESLint's docs.url, SARIF's helpUri). */
  docsUrl: string;
  /** Some findings carry a fix (ESLint's meta.fixable). */
  fixable: boolean;
  /** Some findings carry a suggestion (ESLint's meta.hasSuggestions). */
  hasSuggestions: boolean;
}

/** What a definition file writes; the rest is derived from it. Its literal types let the checks' message ids be checked. */
type RuleSpec<Id extends string, Messages extends Record<string, RuleMessageText>> = Omit<
  RuleDefinition,
  'id' | 'messages' | 'fixes' | 'suggestions' | 'docs' | 'docsUrl' | 'fixable' | 'hasSuggestions'
> & {
  id: Id;
  messages: Messages;
  fixes: readonly (keyof Messages & string)[];
  suggestions: readonly (keyof Messages & string)[];
};

export function defineRule<const Id extends string, const Messages extends Record<string, RuleMessageText>>(
  spec: RuleSpec<Id, Messages>,
): RuleSpec<Id, Messages> & RuleDefinition {
  return {
    ...spec,
    docs: `docs/rules/${spec.id}.md`,
    docsUrl: `${DOCS_BASE_URL}${spec.id}.md`,
    fixable: spec.fixes.length > 0,
    hasSuggestions: spec.suggestions.length > 0,
  };
}

/** The ids of a definition's messages that a check in `language` may report. */
export type MessageIdIn<D extends RuleDefinition, L extends RuleLanguage> = {
  [K in keyof D['messages']]: L extends D['messages'][K]['languages'][number] ? K : never;
}[keyof D['messages']] &
  string;

export type MessageData = Readonly<Record<string, string>>;

/** The message texts of a rule that `language` can report (all of them without a language), by id. */
export function messageTexts(rule: RuleDefinition, language?: RuleLanguage): Record<string, string> {
  return Object.fromEntries(
    Object.entries(rule.messages)
      .filter(([, m]) => !language || m.languages.includes(language))
      .map(([id, m]) => [id, m.text]),
  );
}

/** The text of one of the rule's messages, its placeholders filled from data. A message id the rule lacks is a bug. */
export function renderRuleMessage(rule: RuleDefinition, messageId: string, data?: MessageData): string {
  const message = rule.messages[messageId];
  if (message === undefined) throw new Error(`rule ${rule.id} has no message "${messageId}"`);
  return interpolate(message.text, data);
}

/**
 * A fix or suggestion titled by one of the rule's messages: whether it is a fix (applied without asking)
 * or a suggestion is the definition's word, not the check's.
 */
export function titledFix(rule: RuleDefinition, messageId: string, data: MessageData, edits: TextEdit[]): Fix {
  const kind = rule.fixes.includes(messageId) ? 'fix' : rule.suggestions.includes(messageId) ? 'suggestion' : undefined;
  if (!kind) throw new Error(`rule ${rule.id}: "${messageId}" titles neither a fix nor a suggestion`);
  return { title: renderRuleMessage(rule, messageId, data), kind, messageId, data: { ...data }, edits };
}

/**
 * What a check gets from its front end, bound to its rule: `report` and `fix` take only the rule's own
 * message ids (those its language can report) and fill in the rule.
 */
export interface BoundContext<M extends string, Report> {
  report(r: Report & { messageId: M; data?: MessageData }): void;
  /** A fix or suggestion (the definition says which) titled by message `messageId`. */
  fix(messageId: M, edits: TextEdit[], data?: MessageData): Fix;
}

/** One rule's check in one language: create(context) is called once per file and returns the handlers. */
export interface Check<Context, Handlers> {
  definition: RuleDefinition;
  create(context: Context): Handlers;
}
