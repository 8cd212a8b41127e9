// What weakref-lint says about a file it did not lint, in every output format.
import type { Severity } from '../analysis/types';

/**
 * not-analysed: read, but the engine could not analyse it (nesting too deep, a crash);
 * unreadable: a named input that could not be read or is not a regular file;
 * skipped: deliberately not linted (over --max-file-size, binary, a FIFO or link in a folder).
 */
export type NoticeKind = 'not-analysed' | 'unreadable' | 'skipped';

export interface CliNotice {
  file: string;
  kind: NoticeKind;
  /** error for not-analysed and unreadable; warning for a skipped file named on the command line; info for one found in a folder. */
  severity: Severity;
  /** Why, without the file name. */
  message: string;
}

export const NOTICE_KINDS: readonly { id: NoticeKind; verb: string; description: string }[] = [
  {
    id: 'not-analysed',
    verb: 'could not analyse',
    description:
      'A file was read but could not be analysed (for example, nested too deeply to parse): its problems are unknown.',
  },
  { id: 'unreadable', verb: 'cannot read', description: 'An input could not be read, or is not a regular file.' },
  {
    id: 'skipped',
    verb: 'skipped',
    description: 'A file was not linted: over --max-file-size, binary, or not a regular file in a walked folder.',
  },
];

export function noticeVerb(kind: NoticeKind): string {
  return NOTICE_KINDS.find((k) => k.id === kind)!.verb;
}

/**
 * Exit status: 2 when anything could not be read or analysed; 1 on a finding at error, or on
 * warnings (findings, and named files that were skipped) when there are more than maxWarnings
 * (by default any); else 0. As in ESLint, warnings within the budget pass.
 */
export function exitStatus(
  findings: readonly { severity: Severity }[],
  notices: readonly CliNotice[],
  maxWarnings = 0,
): number {
  if (notices.some((n) => n.severity === 'error')) return 2;
  if (findings.some((f) => f.severity === 'error')) return 1;
  return countWarnings(findings, notices) > maxWarnings ? 1 : 0;
}

export function countWarnings(findings: readonly { severity: Severity }[], notices: readonly CliNotice[]): number {
  return (
    findings.filter((f) => f.severity === 'warning').length + notices.filter((n) => n.severity === 'warning').length
  );
}
