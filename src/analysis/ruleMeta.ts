// Every rule's stable facts: id, default severity, what it reports, the lesson that teaches it.
import type { RuleId, Severity } from './types';

export interface RuleMeta {
  id: RuleId;
  defaultSeverity: Severity;
  description: string;
  /** The lesson (topic id) that teaches the rule. */
  lesson: string;
  /** The rule's page, relative to the extension's root. */
  docs: string;
  /** The languages it applies to. */
  languages: readonly ('javascript' | 'python')[];
  /** The rule's page in the repository (ESLint's docs.url, SARIF's helpUri). */
  docsUrl: string;
  /** Some findings carry a fix that keeps the code's meaning (ESLint's meta.fixable). */
  fixable: boolean;
  /** Some findings carry a suggestion (ESLint's meta.hasSuggestions). */
  hasSuggestions: boolean;
}

const BOTH = ['javascript', 'python'] as const;

/** Where the repository's rule pages live; the ESLint plugin's package.json names the same repository. */
export const DOCS_BASE_URL = 'https://github.com/weakref-lessons/weakref-lessons/blob/main/docs/rules/';

export const RULES: readonly RuleMeta[] = [
  {
    id: 'unsafe-deref',
    defaultSeverity: 'warning',
    description: 'The result of WeakRef#deref() is used in a way that throws once the target has been collected.',
    lesson: 'pitfall-dead-refs',
    docs: 'docs/rules/unsafe-deref.md',
    docsUrl: `${DOCS_BASE_URL}unsafe-deref.md`,
    fixable: true,
    hasSuggestions: true,
    languages: BOTH,
  },
  {
    id: 'invalid-weak-target',
    defaultSeverity: 'error',
    description:
      'A value that can never be held weakly reaches a weak API: it throws a TypeError, or a lookup always misses.',
    lesson: 'pitfall-targets',
    docs: 'docs/rules/invalid-weak-target.md',
    docsUrl: `${DOCS_BASE_URL}invalid-weak-target.md`,
    fixable: false,
    hasSuggestions: true,
    languages: BOTH,
  },
  {
    id: 'register-holds-target',
    defaultSeverity: 'error',
    description:
      'A FinalizationRegistry held value (or its callback) reaches the target, so the target is never collected.',
    lesson: 'callback-on-collect',
    docs: 'docs/rules/register-holds-target.md',
    docsUrl: `${DOCS_BASE_URL}register-holds-target.md`,
    fixable: false,
    hasSuggestions: false,
    languages: BOTH,
  },
  {
    id: 'weak-target-unreachable',
    defaultSeverity: 'warning',
    description:
      'A fresh value that nothing else holds is held only weakly, so it can be collected at the next garbage collection.',
    lesson: 'observer',
    docs: 'docs/rules/weak-target-unreachable.md',
    docsUrl: `${DOCS_BASE_URL}weak-target-unreachable.md`,
    fixable: false,
    hasSuggestions: false,
    languages: BOTH,
  },
  {
    id: 'weak-key-held-by-value',
    defaultSeverity: 'warning',
    description:
      'A WeakKeyDictionary value reaches its own key (a bound method of the key, the key itself, a container or closure holding it), so the entry is never removed.',
    lesson: 'observer',
    docs: 'docs/rules/weak-key-held-by-value.md',
    docsUrl: `${DOCS_BASE_URL}weak-key-held-by-value.md`,
    fixable: false,
    hasSuggestions: false,
    languages: ['python'],
  },
];

/** An id in a suppression comment that names no rule. */
export const UNKNOWN_RULE_IN_COMMENT = 'unknown-rule-in-comment';
