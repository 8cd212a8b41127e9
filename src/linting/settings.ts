// The linter's settings as the engine wants them, with anything malformed reported, not used.
import { bareRuleId, isRuleId, RULE_IDS, SEVERITY_SETTINGS } from '../analysis/ruleMeta';
import type { AnalyzeOptions, SeveritySetting } from '../analysis/types';
import { MAX_LINT_FILE_SIZE } from './limits';

export interface LintSettings {
  enabled: boolean;
  /** lint.enable "auto": stay quiet for a file that ESLint lints with eslint-plugin-weakref. */
  deferToEslint: boolean;
  maxFileSize: number;
  options: AnalyzeOptions;
  problems: string[];
}

export function readLintSettings(get: (key: string) => unknown): LintSettings {
  const problems: string[] = [];
  const rawEnable = get('lint.enable');
  const enabled = rawEnable !== false;
  const deferToEslint = rawEnable === 'auto';
  if (rawEnable !== undefined && rawEnable !== true && rawEnable !== false && rawEnable !== 'auto')
    problems.push('weakrefLessons.lint.enable must be true, false or "auto"; using true');
  const rawMax = get('lint.maxFileSize');
  const valid = typeof rawMax === 'number' && Number.isFinite(rawMax) && rawMax >= 0;
  // Capped whatever the source (a workspace can set it, and the worker's memory follows it).
  const maxFileSize = valid ? Math.min(rawMax, MAX_LINT_FILE_SIZE) : 1_000_000;
  if (rawMax !== undefined && !valid)
    problems.push(`weakrefLessons.lint.maxFileSize must be a number of bytes; using ${maxFileSize}`);
  else if (valid && rawMax > MAX_LINT_FILE_SIZE)
    problems.push(
      `weakrefLessons.lint.maxFileSize is at most ${MAX_LINT_FILE_SIZE} bytes; using ${MAX_LINT_FILE_SIZE}`,
    );
  const rules: Record<string, SeveritySetting> = {};
  const raw = get('lint.rules');
  if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
    for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
      const id = bareRuleId(key);
      if (!isRuleId(id))
        problems.push(`weakrefLessons.lint.rules: "${key}" is not a rule (known: ${RULE_IDS.join(', ')})`);
      else if (!SEVERITY_SETTINGS.includes(value as SeveritySetting))
        problems.push(`weakrefLessons.lint.rules: "${key}" must be one of ${SEVERITY_SETTINGS.join(', ')}`);
      else rules[id] = value as SeveritySetting;
    }
  } else if (raw !== undefined && raw !== null) {
    problems.push('weakrefLessons.lint.rules must be an object such as { "unsafe-deref": "error" }');
  }
  return { enabled, deferToEslint, maxFileSize, options: { rules }, problems };
}
