// Expressions that wrap another without changing its value at run time: parentheses, type
// assertions (`x as T`, `<T>x`), `x satisfies T` and `x!`. Which of them a question looks
// through depends on the question, so each set is named here once, with the reason it differs.
import type * as TS from 'typescript';
import { typescript } from './tsLoader';

export type Wrapper = 'parentheses' | 'type-assertion' | 'satisfies' | 'non-null';
export type WrapperSet = ReadonlySet<Wrapper>;

/** Every wrapper: for questions about the value itself (which built-in a callee names, what a receiver or a held value is). */
export const RUNTIME_VALUE: WrapperSet = new Set<Wrapper>(['parentheses', 'type-assertion', 'satisfies', 'non-null']);

/**
 * Every wrapper but `!`: where a deref() result is stored. `ref.deref()!` is reported where it
 * stands (a non-null use), so following it into the variable would report its uses a second time.
 */
export const STORED_DEREF: WrapperSet = new Set<Wrapper>(['parentheses', 'type-assertion', 'satisfies']);

/**
 * Parentheses only: for the guard and use checks of unsafe-deref (guards.ts). There a cast or a
 * `!` on the checked value is a use in its own right, which unsafeUse judges (a cast that drops
 * undefined, a `!` that hides it), so it is not looked through.
 */
export const PARENTHESES: WrapperSet = new Set<Wrapper>(['parentheses']);

/** Which wrapper `node` is, if any. */
export function wrapperOf(node: TS.Node): Wrapper | undefined {
  const ts = typescript();
  switch (node.kind) {
    case ts.SyntaxKind.ParenthesizedExpression:
      return 'parentheses';
    case ts.SyntaxKind.AsExpression:
    case ts.SyntaxKind.TypeAssertionExpression:
      return 'type-assertion';
    case ts.SyntaxKind.SatisfiesExpression:
      return 'satisfies';
    case ts.SyntaxKind.NonNullExpression:
      return 'non-null';
    default:
      return undefined;
  }
}

/** Is `node` one of the wrappers of `set`? */
export function isWrapper(node: TS.Node, set: WrapperSet): node is TS.Expression & { expression: TS.Expression } {
  const kind = wrapperOf(node);
  return kind !== undefined && set.has(kind);
}

/** The expression inside the wrappers of `set` around `e`: `((x as T)!)` is `x` under RUNTIME_VALUE. */
export function skipWrappers(e: TS.Expression, set: WrapperSet): TS.Expression {
  while (isWrapper(e, set)) e = e.expression;
  return e;
}

/** The outermost of the wrappers of `set` around `node` (the node itself when none wraps it). */
export function outermostWrapper(node: TS.Node, set: WrapperSet): TS.Node {
  while (node.parent && isWrapper(node.parent, set)) node = node.parent;
  return node;
}
