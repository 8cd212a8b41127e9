// The shape of one rule's definition (one file per rule in this folder): everything every view
// (engine, editor, CLI, SARIF, ESLint plugin, docs tests) knows about the rule, in one place.
import type { Severity } from '../types';

export type RuleLanguage = 'javascript' | 'python';

/** Where the repository's rule pages live; the ESLint plugin's package.json names the same repository. */
export const DOCS_BASE_URL = 'https://github.com/weakref-lessons/weakref-lessons/blob/main/docs/rules/';

/** What every view reads of a rule. */
export interface RuleDefinition {
  id: string;
  defaultSeverity: Severity;
  description: string;
  /** The lesson (topic id) that teaches the rule. */
  lesson: string;
  /** The languages it applies to. */
  languages: readonly RuleLanguage[];
  /**
   * Every text the rule shows, by id, with `{{ name }}` placeholders filled from a report's data, as in
   * ESLint's meta.messages: the findings' messages and the titles of its fixes and suggestions.
   */
  messages: Readonly<Record<string, string>>;
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
type RuleSpec<Id extends string, Messages extends Record<string, string>> = Omit<
  RuleDefinition,
  'id' | 'messages' | 'fixes' | 'suggestions' | 'docs' | 'docsUrl' | 'fixable' | 'hasSuggestions'
> & {
  id: Id;
  messages: Messages;
  fixes: readonly (keyof Messages & string)[];
  suggestions: readonly (keyof Messages & string)[];
};

export function defineRule<const Id extends string, const Messages extends Record<string, string>>(
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
