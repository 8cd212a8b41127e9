// From what the rules reported to the findings every consumer sees, for both front ends: one
// finding per rule and range, suppression comments applied, severities from the settings, the
// unknown ids in suppression comments reported, and a stable order.
import { interpolate } from './messages';
import { defaultSeverity, renderMessage, RULE_IDS, UNKNOWN_RULE_IN_COMMENT, type RuleMessage } from './ruleMeta';
import { isSuppressed, type Suppressions } from './suppressionComments';
import type { AnalyzeOptions, Finding, Fix, Position, Severity } from './types';

/** The engine's own finding about a suppression comment, worded like a rule's message. */
const UNKNOWN_RULE_MESSAGE = '"{{ id }}" is not a weakref-lint rule (the rules are {{ rules }})';

export type LocatedReport = RuleMessage & {
  start: number;
  end: number;
  severity?: Severity;
  fixes?: Fix[];
};

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
      setting && setting !== 'off' ? setting : (r.severity ?? defaultSeverity(r.rule) ?? 'warning');
    const data = { ...r.data };
    findings.push({
      rule: r.rule,
      severity,
      message: renderMessage(r),
      messageId: r.messageId,
      data,
      start,
      end,
      range,
      fixes: r.fixes ?? [],
    });
  }
  for (const u of suppressions.unknown) {
    const data = { id: u.id, rules: RULE_IDS.join(', ') };
    findings.push({
      rule: UNKNOWN_RULE_IN_COMMENT,
      severity: 'warning',
      message: interpolate(UNKNOWN_RULE_MESSAGE, data),
      messageId: 'unknownRule',
      data,
      start: u.start,
      end: u.end,
      range: { start: position(u.start), end: position(u.end) },
      fixes: [],
    });
  }
  findings.sort((a, b) => a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule));
  return findings;
}
