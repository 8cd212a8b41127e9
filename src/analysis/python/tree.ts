// The Python syntax tree the rules read: @lezer/python's tree copied into plain nodes with
// parent pointers and child arrays, which are simpler to match than a cursor. The parser is
// required on first use, so a file that fails the text pre-check never loads it.
import type { LRParser } from '@lezer/lr';

export interface PyNode {
  /** Lezer's node name: 'CallExpression', 'VariableName', '(' , '⚠' for an error… */
  type: string;
  from: number;
  to: number;
  children: PyNode[];
  parent: PyNode | undefined;
}

let parser: LRParser | undefined;

export function pythonParser(): LRParser {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  parser ??= (require('@lezer/python') as { parser: LRParser }).parser;
  return parser;
}

export function isPythonParserLoaded(): boolean {
  return parser !== undefined;
}

/** Parses `text` into plain nodes. Never throws on bad syntax: errors become '⚠' nodes. */
export function parsePython(text: string): PyNode {
  const cursor = pythonParser().parse(text).cursor();
  const root: PyNode = { type: cursor.name, from: cursor.from, to: cursor.to, children: [], parent: undefined };
  // An explicit stack: deeply nested files must not overflow the call stack.
  const stack: PyNode[] = [root];
  if (!cursor.firstChild()) return root;
  for (;;) {
    const parent = stack[stack.length - 1];
    const node: PyNode = { type: cursor.name, from: cursor.from, to: cursor.to, children: [], parent };
    parent.children.push(node);
    if (cursor.firstChild()) {
      stack.push(node);
      continue;
    }
    while (!cursor.nextSibling()) {
      if (!cursor.parent() || stack.length === 1) return root;
      stack.pop();
    }
  }
}

/** The named children (no punctuation or keywords, no comments). */
export function named(n: PyNode): PyNode[] {
  return n.children.filter(isNamed);
}

const ANONYMOUS = /^[^A-Z⚠]/;
export function isNamed(n: PyNode): boolean {
  return !ANONYMOUS.test(n.type) && n.type !== 'Comment' && !n.type.endsWith('Op') && n.type !== 'At';
}

export function hasChild(n: PyNode, type: string): boolean {
  return n.children.some((c) => c.type === type);
}

/** Nodes of a function's own body: nested functions, lambdas and classes are not entered. */
export function walk(root: PyNode, visit: (n: PyNode) => boolean | void): void {
  const stack = [root];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (visit(n) === false) continue;
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
  }
}

export const FUNCTION_TYPES = new Set(['FunctionDefinition', 'LambdaExpression']);
export const SCOPE_TYPES = new Set([
  'Script',
  'FunctionDefinition',
  'LambdaExpression',
  'ClassDefinition',
  'ArrayComprehensionExpression',
  'DictionaryComprehensionExpression',
  'SetComprehensionExpression',
  'ComprehensionExpression',
]);

export function ancestors(n: PyNode): PyNode[] {
  const out: PyNode[] = [];
  for (let p = n.parent; p; p = p.parent) out.push(p);
  return out;
}

/** Strips parentheses around a single expression. */
export function unparen(n: PyNode): PyNode {
  while (n.type === 'ParenthesizedExpression') {
    const inner = named(n);
    if (inner.length !== 1) break;
    n = inner[0];
  }
  return n;
}
