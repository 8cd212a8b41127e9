// eslint-plugin-weakref: the engine's four rules as ESLint rules, and the flat configs.
// Each rule reports the engine's findings for its id; the file is analysed once for all four.
import { messageTexts } from '../analysis/rule';
import { RULE_PREFIX, RULES, type RuleDefinition } from '../analysis/ruleMeta';
import type { Finding, Severity } from '../analysis/types';
import { analyzeForEslint, goalOf, type SourceCodeLike } from './sharedAnalysis';

declare const WEAKREF_PLUGIN_VERSION: string | undefined;
const VERSION = typeof WEAKREF_PLUGIN_VERSION === 'string' ? WEAKREF_PLUGIN_VERSION : '0.0.0-dev';

/** The parts of ESLint's rule API the plugin uses (ESLint 9 and 10). */
interface Fixer {
  replaceTextRange(range: [number, number], text: string): unknown;
}
interface RuleContext {
  sourceCode: SourceCodeLike;
  filename: string;
  options: readonly unknown[];
  /** ESLint's language options: their sourceType says whether the file is a Script. */
  languageOptions?: unknown;
  report(descriptor: {
    loc: { start: { line: number; column: number }; end: { line: number; column: number } };
    messageId: string;
    data: Record<string, string>;
    fix?: (fixer: Fixer) => unknown[];
    suggest?: { messageId: string; data: Record<string, string>; fix: (fixer: Fixer) => unknown[] }[];
  }): void;
}

export interface EslintRule {
  meta: {
    type: 'problem';
    docs: { description: string; url: string; recommended: boolean };
    messages: Record<string, string>;
    fixable?: 'code';
    hasSuggestions?: boolean;
    schema: object[];
  };
  create(context: RuleContext): { Program(): void };
}

function edits(fix: Finding['fixes'][number]) {
  return (fixer: Fixer) => fix.edits.map((e) => fixer.replaceTextRange([e.start, e.end], e.newText));
}

function report(context: RuleContext, f: Finding): void {
  const fix = f.fixes.find((x) => x.kind === 'fix');
  const suggestions = f.fixes.filter((x) => x.kind === 'suggestion');
  context.report({
    // The engine counts 0-based lines and UTF-16 columns; ESLint 1-based lines and 0-based UTF-16 columns.
    loc: {
      start: { line: f.range.start.line + 1, column: f.range.start.character },
      end: { line: f.range.end.line + 1, column: f.range.end.character },
    },
    messageId: f.messageId,
    data: f.data,
    ...(fix ? { fix: edits(fix) } : {}),
    ...(suggestions.length
      ? { suggest: suggestions.map((s) => ({ messageId: s.messageId, data: s.data, fix: edits(s) })) }
      : {}),
  });
}

/** The CLI's default --max-file-size: a larger file is not analysed, and says so. */
export const DEFAULT_MAX_FILE_SIZE = 1_000_000;
/** The plugin's own messages, beside each rule's: a file it did not analyse is never silent. */
export const NOT_ANALYSED = 'weakrefNotAnalysed';
const PLUGIN_MESSAGES = { [NOT_ANALYSED]: 'weakref: this file was not linted: {{why}}' };
const OPTIONS_SCHEMA = {
  type: 'object',
  properties: { maxFileSize: { type: 'integer', minimum: 0 } },
  additionalProperties: false,
};

/** Once per file, from whichever weakref rule runs first: why its findings are unknown. */
function reportNotAnalysed(context: RuleContext, why: string): void {
  context.report({
    loc: { start: { line: 1, column: 0 }, end: { line: 1, column: 0 } },
    messageId: NOT_ANALYSED,
    data: { why },
  });
}

function eslintRule(meta: RuleDefinition): EslintRule {
  return {
    meta: {
      type: 'problem',
      docs: { description: meta.description, url: meta.docsUrl, recommended: true },
      // Only the messages a JavaScript check can report (ESLint never sees the Python front end's),
      // and the plugin's own: a file it could not analyse, or one over the size limit.
      messages: { ...messageTexts(meta, 'javascript'), ...PLUGIN_MESSAGES },
      ...(meta.fixable ? { fixable: 'code' as const } : {}),
      ...(meta.hasSuggestions ? { hasSuggestions: true } : {}),
      schema: [OPTIONS_SCHEMA],
    },
    create(context) {
      return {
        Program() {
          const limit =
            (context.options[0] as { maxFileSize?: number } | undefined)?.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
          const bytes = Buffer.byteLength(context.sourceCode.text, 'utf8');
          if (bytes > limit) {
            const told = tooLargeTold.has(context.sourceCode);
            tooLargeTold.add(context.sourceCode);
            if (!told) reportNotAnalysed(context, `it is larger than maxFileSize (${bytes} > ${limit} bytes)`);
            return;
          }
          const analysis = analyzeForEslint(context.sourceCode, context.filename, goalOf(context.languageOptions));
          if (analysis.failure !== undefined && !analysis.toldWhy) {
            analysis.toldWhy = true;
            reportNotAnalysed(context, analysis.failure);
          }
          for (const f of analysis.findings) if (f.rule === meta.id) report(context, f);
        },
      };
    },
  };
}

/** Files already told that they are over a rule's maxFileSize (one message per file, whichever rule). */
const tooLargeTold = new WeakSet<object>();

const ESLINT_SEVERITY: Record<Severity, 'error' | 'warn'> = { error: 'error', warning: 'warn', info: 'warn' };

export interface FlatConfig {
  name: string;
  plugins: Record<string, unknown>;
  rules: Record<string, 'error' | 'warn'>;
  languageOptions?: { parserOptions: { projectService: boolean } };
}

export interface Plugin {
  meta: { name: string; version: string };
  rules: Record<string, EslintRule>;
  configs: { recommended: FlatConfig; 'recommended-type-checked': FlatConfig };
}

/** ESLint lints JavaScript and TypeScript, so the plugin offers only the rules that apply to them. */
const JAVASCRIPT_RULES = RULES.filter((r) => r.languages.includes('javascript'));

export function createPlugin(): Plugin {
  const rules = Object.fromEntries(JAVASCRIPT_RULES.map((r) => [r.id, eslintRule(r)]));
  const severities = Object.fromEntries(
    JAVASCRIPT_RULES.map((r) => [`${RULE_PREFIX}${r.id}`, ESLINT_SEVERITY[r.defaultSeverity]]),
  );
  const plugin: Plugin = {
    meta: { name: 'eslint-plugin-weakref', version: VERSION },
    rules,
    configs: {} as Plugin['configs'],
  };
  plugin.configs.recommended = { name: 'weakref/recommended', plugins: { weakref: plugin }, rules: { ...severities } };
  // Typed linting: typescript-eslint's parser with its project service, so invalid-weak-target
  // also sees values whose type is certainly primitive. The parser itself is the user's choice.
  plugin.configs['recommended-type-checked'] = {
    name: 'weakref/recommended-type-checked',
    plugins: { weakref: plugin },
    rules: { ...severities },
    languageOptions: { parserOptions: { projectService: true } },
  };
  return plugin;
}
