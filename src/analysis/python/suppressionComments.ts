// `# weakref-lint-disable-next-line <id>` and `# weakref-lint-disable <id>` (file-wide): the
// directive grammar is the JavaScript one (../suppressionComments.ts); only the comment syntax differs.
import { addDirective, type Suppressions } from '../suppressionComments';
import { walk, type PyNode } from './tree';

const DIRECTIVE = /^#[ \t]*weakref-lint-(disable-next-line|disable)\b(.*)$/;

export function readPythonSuppressions(text: string, root: PyNode, lineOf: (offset: number) => number): Suppressions {
  const result: Suppressions = { nextLine: new Map(), file: undefined, unknown: [] };
  if (text.indexOf('weakref-lint-') === -1) return result;
  walk(root, (n) => {
    if (n.type !== 'Comment') return undefined;
    const m = DIRECTIVE.exec(text.slice(n.from, n.to));
    if (!m) return undefined;
    const restStart = n.from + m[0].length - m[2].length;
    addDirective(result, m[1] === 'disable-next-line' ? 'next-line' : 'file', m[2], restStart, lineOf(n.from) + 1);
    return undefined;
  });
  return result;
}
