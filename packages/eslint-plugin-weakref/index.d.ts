// Types for `import weakref from 'eslint-plugin-weakref'` (kept small on purpose: the shapes ESLint's flat config reads).
import type { ESLint, Linter, Rule } from 'eslint';

declare const plugin: ESLint.Plugin & {
  meta: { name: string; version: string };
  rules: Record<
    'unsafe-deref' | 'invalid-weak-target' | 'register-holds-target' | 'weak-target-unreachable',
    Rule.RuleModule
  >;
  configs: {
    recommended: Linter.Config;
    'recommended-type-checked': Linter.Config;
  };
};
export = plugin;
