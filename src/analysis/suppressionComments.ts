// Suppression comments, like ESLint's:
//   // weakref-lint-disable-next-line unsafe-deref, weakref/invalid-weak-target
//   /* weakref-lint-disable register-holds-target */      (the whole file)
// No id means every rule. An id that names no rule is itself reported.
import type * as TS from 'typescript';
import { bareRuleId, isRuleId } from './ruleMeta';

export interface Suppressions {
  /** line (0-based) → rule ids silenced on it; an empty set silences all. */
  nextLine: Map<number, Set<string> | 'all'>;
  file: Set<string> | 'all' | undefined;
  unknown: { id: string; start: number; end: number }[];
}

const DIRECTIVE = /(\/\/|\/\*)[ \t]*weakref-lint-(disable-next-line|disable)\b([^\n\r]*)/g;

function commentAt(ts: typeof TS, sf: TS.SourceFile, pos: number): TS.CommentRange | undefined {
  const text = sf.text;
  // Find the token whose leading trivia holds pos, then look at its comments.
  let node: TS.Node = sf;
  for (;;) {
    let next: TS.Node | undefined;
    ts.forEachChild(node, (child) => {
      if (!next && child.pos <= pos && pos < child.end) next = child;
    });
    if (!next) break;
    if (pos < next.getStart(sf)) {
      const ranges = ts.getLeadingCommentRanges(text, next.pos) ?? [];
      return ranges.find((r) => r.pos <= pos && pos < r.end);
    }
    node = next;
  }
  const ranges = [
    ...(ts.getLeadingCommentRanges(text, node.pos) ?? []),
    ...(ts.getTrailingCommentRanges(text, node.pos) ?? []),
  ];
  const inside = ranges.find((r) => r.pos <= pos && pos < r.end);
  if (inside) return inside;
  // Trailing comments after the last token of a node (e.g. at the end of a line).
  for (let n: TS.Node | undefined = node; n; n = n.parent) {
    const t = (ts.getTrailingCommentRanges(text, n.end) ?? []).find((r) => r.pos <= pos && pos < r.end);
    if (t) return t;
  }
  return undefined;
}

export function readSuppressions(ts: typeof TS, sf: TS.SourceFile): Suppressions {
  const result: Suppressions = { nextLine: new Map(), file: undefined, unknown: [] };
  const text = sf.text;
  if (text.indexOf('weakref-lint-') === -1) return result;
  for (const m of text.matchAll(DIRECTIVE)) {
    const at = m.index ?? 0;
    const comment = commentAt(ts, sf, at);
    if (!comment || comment.pos !== at) continue; // inside a string, or not at the comment's start
    const block = m[1] === '/*';
    let rest = m[3];
    if (block) {
      const close = rest.indexOf('*/');
      if (close >= 0) rest = rest.slice(0, close);
    }
    const restStart = at + m[0].length - m[3].length;
    const kind = m[2] === 'disable-next-line' ? 'next-line' : block ? 'file' : undefined;
    if (kind) addDirective(result, kind, rest, restStart, sf.getLineAndCharacterOfPosition(comment.end).line + 1);
  }
  return result;
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
