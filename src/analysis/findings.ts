// From what the rules reported to the findings every consumer sees, for both front ends: one
// finding per rule and range, suppression comments applied, severities from the settings, the
// unknown ids in suppression comments reported, and a stable order.
import { RULES, UNKNOWN_RULE_IN_COMMENT } from './ruleMeta';
import { isSuppressed, type Suppressions } from './suppressionComments';
import type { AnalyzeOptions, Finding, Fix, Position, Severity } from './types';

const DEFAULT_SEVERITY = new Map(RULES.map((r) => [r.id as string, r.defaultSeverity]));

export interface LocatedReport {
  rule: string;
  start: number;
  end: number;
  message: string;
  severity?: Severity;
  fixes?: Fix[];
}

export function toFindings(
  reports: Iterable<LocatedReport>,
  suppressions: Suppressions,
  position: (offset: number) => Position,
  options?: AnalyzeOptions,
): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const r of reports) {
    const { start, end } = r;
    const key = `${r.rule}:${start}:${end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const range = { start: position(start), end: position(end) };
    if (isSuppressed(suppressions, r.rule, range.start.line)) continue;
    const setting = options?.rules?.[r.rule];
    const severity: Severity =
      setting && setting !== 'off' ? setting : (r.severity ?? DEFAULT_SEVERITY.get(r.rule) ?? 'warning');
    findings.push({ rule: r.rule, severity, message: r.message, start, end, range, fixes: r.fixes ?? [] });
  }
  for (const u of suppressions.unknown) {
    findings.push({
      rule: UNKNOWN_RULE_IN_COMMENT,
      severity: 'warning',
      message: `"${u.id}" is not a weakref-lint rule (the rules are ${RULES.map((r) => r.id).join(', ')})`,
      start: u.start,
      end: u.end,
      range: { start: position(u.start), end: position(u.end) },
      fixes: [],
    });
  }
  findings.sort((a, b) => a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule));
  return findings;
}
