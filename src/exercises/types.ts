// What a solution check produces. Shared by the checker, the commands and the lesson view.

export interface CheckResult {
  id: string;
  /** One sentence the learner reads, from the lesson's checks.js. */
  requirement: string;
  passed: boolean;
  /** Why it failed, in words the learner can act on. */
  message?: string;
}

export interface CheckReport {
  results: CheckResult[];
  /** Set when the checks could not run to the end (timeout, broken checks file, no node). */
  error?: string;
  /** What the learner's code printed while the checks ran. */
  output?: string;
}

export function allPassed(report: CheckReport): boolean {
  return !report.error && report.results.length > 0 && report.results.every((r) => r.passed);
}

export function summarize(report: CheckReport): string {
  const passed = report.results.filter((r) => r.passed).length;
  const total = report.results.length;
  if (allPassed(report)) return `All ${total} requirements met.`;
  return `${passed} of ${total} requirements met.${report.error ? ` ${report.error}` : ''}`;
}
