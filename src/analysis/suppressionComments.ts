// Suppression comments, like ESLint's:
//   // weakref-lint-disable-next-line unsafe-deref, weakref/invalid-weak-target
//   /* weakref-lint-disable register-holds-target */      (the whole file)
// No id means every rule. An id that names no rule is itself reported. Each front end reads its
// own comment syntax (javascript/, python/) into the Suppressions kept here.
import { bareRuleId, isRuleId } from './ruleMeta';

export interface Suppressions {
  /** line (0-based) → rule ids silenced on it; an empty set silences all. */
  nextLine: Map<number, Set<string> | 'all'>;
  file: Set<string> | 'all' | undefined;
  unknown: { id: string; start: number; end: number }[];
}

/**
 * Records one directive, whatever the language's comment syntax: `rest` is the text after the
 * directive's keyword (ids, then an optional "-- reason"), starting at offset `restStart`.
 */
export function addDirective(
  result: Suppressions,
  kind: 'next-line' | 'file',
  rest: string,
  restStart: number,
  nextLine: number,
): void {
  // "-- reason" ends the id list, as in ESLint.
  const reason = rest.indexOf('--');
  if (reason >= 0) rest = rest.slice(0, reason);
  const ids = new Set<string>();
  for (const idm of rest.matchAll(/[^\s,]+/g)) {
    const raw = idm[0];
    const id = bareRuleId(raw);
    if (isRuleId(id)) ids.add(id);
    else
      result.unknown.push({
        id: raw,
        start: restStart + (idm.index ?? 0),
        end: restStart + (idm.index ?? 0) + raw.length,
      });
  }
  const scope: Set<string> | 'all' = /[^\s,]/.test(rest) ? ids : 'all';
  if (kind === 'next-line') {
    const prev = result.nextLine.get(nextLine);
    result.nextLine.set(nextLine, prev === 'all' || scope === 'all' ? 'all' : new Set([...(prev ?? []), ...scope]));
  } else {
    result.file = result.file === 'all' || scope === 'all' ? 'all' : new Set([...(result.file ?? []), ...scope]);
  }
}

export function isSuppressed(s: Suppressions, rule: string, line: number): boolean {
  if (s.file === 'all' || s.file?.has(rule)) return true;
  const l = s.nextLine.get(line);
  return l === 'all' || (l !== undefined && l.has(rule));
}
