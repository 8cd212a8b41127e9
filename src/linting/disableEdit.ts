// "Disable weakref/<id> for this line": the comment goes on its own line above, indented like
// the line it silences; an existing disable-next-line comment there gets the id appended.
import type { TextEdit } from '../analysis/types';
import { bareRuleId } from '../analysis/ruleMeta';

const NEXT_LINE: Record<string, RegExp> = {
  '//': /^([ \t]*)\/\/\s*weakref-lint-disable-next-line\b(.*)$/,
  '#': /^([ \t]*)#\s*weakref-lint-disable-next-line\b(.*)$/,
};

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
  }
  return starts;
}

/** `comment`: the line-comment marker of the file's language (`#` in Python). */
export function disableForLineEdit(text: string, line: number, rule: string, comment: '//' | '#' = '//'): TextEdit {
  const starts = lineStarts(text);
  const at = Math.max(0, Math.min(line, starts.length - 1));
  const start = starts[at];
  const end = at + 1 < starts.length ? starts[at + 1] : text.length;
  const lineText = text.slice(start, end).replace(/\r?\n$|\r$/, '');
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  if (at > 0) {
    const prevStart = starts[at - 1];
    const prev = text.slice(prevStart, start).replace(/\r?\n$|\r$/, '');
    const m = NEXT_LINE[comment].exec(prev);
    if (m) {
      const ids = m[2].split(/[\s,]+/).filter(Boolean);
      if (ids.map(bareRuleId).includes(rule)) return { start: prevStart, end: prevStart, newText: '' };
      const newText = `${m[1]}${comment} weakref-lint-disable-next-line ${[...ids, rule].join(', ')}`;
      return { start: prevStart, end: prevStart + prev.length, newText };
    }
  }
  const indent = /^[ \t]*/.exec(lineText)![0];
  return { start, end: start, newText: `${indent}${comment} weakref-lint-disable-next-line ${rule}${eol}` };
}
