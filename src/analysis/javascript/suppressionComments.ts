// Suppression comments in JavaScript and TypeScript: `//` and `/* */` comments, found through the
// parse so that a directive inside a string is not one.
import type * as TS from 'typescript';
import { addDirective, type Suppressions } from '../suppressionComments';

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
