// Guard and flow facts for unsafe-deref: how a possibly-undefined value is used, and whether
// a check that rules out `undefined` dominates that use.
import type * as TS from 'typescript';
import type { Scopes } from './scope';
import { typescript } from './tsLoader';

/** Decides whether an expression is the value being tracked (a variable, or `ref.deref()`). */
export type Subject = (e: TS.Expression) => boolean;

export type UseKind = 'member' | 'element' | 'call' | 'new' | 'non-null' | 'cast' | 'spread' | 'for-of' | 'in' | 'destructure';

export interface UnsafeUse {
  kind: UseKind;
  /** The outermost expression that still is the value (the value wrapped in parentheses). */
  value: TS.Expression;
  /** The node that uses it. */
  user: TS.Node;
  /** For member access: ".name" or "[…]". */
  detail?: string;
}

function stripParens(e: TS.Expression): TS.Expression {
  const ts = typescript();
  while (ts.isParenthesizedExpression(e)) e = e.expression;
  return e;
}

function isUndefinedLike(e: TS.Expression, scopes: Scopes): boolean {
  const ts = typescript();
  e = stripParens(e);
  return ts.isVoidExpression(e) || (ts.isIdentifier(e) && e.text === 'undefined' && scopes.isGlobal(e, 'undefined'));
}
function isNull(e: TS.Expression): boolean {
  return stripParens(e).kind === typescript().SyntaxKind.NullKeyword;
}

function castKeepsUndefined(type: TS.TypeNode): boolean {
  const ts = typescript();
  if (type.kind === ts.SyntaxKind.AnyKeyword || type.kind === ts.SyntaxKind.UnknownKeyword || type.kind === ts.SyntaxKind.UndefinedKeyword) return true;
  if (ts.isUnionTypeNode(type)) return type.types.some(castKeepsUndefined);
  if (ts.isParenthesizedTypeNode(type)) return castKeepsUndefined(type.type);
  return false;
}

/** How a possibly-undefined value is used in a way that throws, or undefined when the use is safe. */
export function unsafeUse(e: TS.Expression): UnsafeUse | undefined {
  const ts = typescript();
  let value: TS.Expression = e;
  for (;;) {
    const p: TS.Node = value.parent;
    if (!p) return undefined;
    if (ts.isParenthesizedExpression(p)) {
      value = p;
      continue;
    }
    if ((ts.isAsExpression(p) || ts.isTypeAssertionExpression(p)) && p.expression === value) {
      if (!castKeepsUndefined(p.type)) return { kind: 'cast', value, user: p };
      value = p;
      continue;
    }
    if (ts.isSatisfiesExpression(p) && p.expression === value) {
      value = p;
      continue;
    }
    if (ts.isNonNullExpression(p)) return { kind: 'non-null', value, user: p };
    if (ts.isPropertyAccessExpression(p) && p.expression === value) return p.questionDotToken ? undefined : { kind: 'member', value, user: p, detail: `.${p.name.text}` };
    if (ts.isElementAccessExpression(p) && p.expression === value) return p.questionDotToken ? undefined : { kind: 'element', value, user: p, detail: '[…]' };
    if (ts.isCallExpression(p) && p.expression === value) return p.questionDotToken ? undefined : { kind: 'call', value, user: p };
    if (ts.isTaggedTemplateExpression(p) && p.tag === value) return { kind: 'call', value, user: p };
    if (ts.isNewExpression(p) && p.expression === value) return { kind: 'new', value, user: p };
    if (ts.isSpreadElement(p)) return ts.isArrayLiteralExpression(p.parent) || ts.isCallExpression(p.parent) || ts.isNewExpression(p.parent) ? { kind: 'spread', value, user: p } : undefined;
    if (ts.isForOfStatement(p) && p.expression === value) return { kind: 'for-of', value, user: p };
    if (ts.isBinaryExpression(p) && p.right === value && p.operatorToken.kind === ts.SyntaxKind.InKeyword) return { kind: 'in', value, user: p };
    if (ts.isVariableDeclaration(p) && p.initializer === value && !ts.isIdentifier(p.name)) return { kind: 'destructure', value, user: p };
    if (ts.isBinaryExpression(p) && p.right === value && p.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const left = stripParens(p.left);
      if (ts.isObjectLiteralExpression(left) || ts.isArrayLiteralExpression(left)) return { kind: 'destructure', value, user: p };
    }
    return undefined;
  }
}

/** Does `cond` being `whenTrue` rule out that the subject is undefined? */
export function implies(cond: TS.Expression, whenTrue: boolean, subject: Subject, scopes: Scopes, depth = 0): boolean {
  const ts = typescript();
  if (depth > 20) return false;
  cond = stripParens(cond);
  if (subject(cond)) return whenTrue;
  if (ts.isPrefixUnaryExpression(cond) && cond.operator === ts.SyntaxKind.ExclamationToken) return implies(cond.operand, !whenTrue, subject, scopes, depth + 1);
  if (ts.isCallExpression(cond) && ts.isIdentifier(cond.expression) && cond.expression.text === 'Boolean' && cond.arguments.length === 1 && scopes.isGlobal(cond.expression, 'Boolean')) {
    return implies(cond.arguments[0], whenTrue, subject, scopes, depth + 1);
  }
  // `s?.x` (or a longer optional chain from s) being truthy means s was not undefined.
  if (whenTrue && (ts.isPropertyAccessExpression(cond) || ts.isElementAccessExpression(cond) || ts.isCallExpression(cond))) {
    let inner: TS.Expression = cond;
    while (ts.isPropertyAccessExpression(inner) || ts.isElementAccessExpression(inner) || ts.isCallExpression(inner)) {
      if (inner.questionDotToken && subject(stripParens(inner.expression))) return true;
      inner = stripParens(inner.expression);
    }
  }
  if (!ts.isBinaryExpression(cond)) return false;
  const op = cond.operatorToken.kind;
  const S = ts.SyntaxKind;
  if (op === S.AmpersandAmpersandToken) {
    return whenTrue
      ? implies(cond.left, true, subject, scopes, depth + 1) || implies(cond.right, true, subject, scopes, depth + 1)
      : implies(cond.left, false, subject, scopes, depth + 1) && implies(cond.right, false, subject, scopes, depth + 1);
  }
  if (op === S.BarBarToken) {
    return whenTrue
      ? implies(cond.left, true, subject, scopes, depth + 1) && implies(cond.right, true, subject, scopes, depth + 1)
      : implies(cond.left, false, subject, scopes, depth + 1) || implies(cond.right, false, subject, scopes, depth + 1);
  }
  if (op === S.InstanceOfKeyword) return whenTrue && subject(stripParens(cond.left));
  const equality = op === S.EqualsEqualsEqualsToken || op === S.EqualsEqualsToken;
  const inequality = op === S.ExclamationEqualsEqualsToken || op === S.ExclamationEqualsToken;
  if (!equality && !inequality) return false;
  const loose = op === S.EqualsEqualsToken || op === S.ExclamationEqualsToken;
  const l = stripParens(cond.left);
  const r = stripParens(cond.right);
  // typeof s === 'undefined' / !== 'undefined' / === 'object' …
  const typeofSide = (a: TS.Expression, b: TS.Expression) => ts.isTypeOfExpression(a) && subject(stripParens(a.expression)) && (ts.isStringLiteral(b) || ts.isNoSubstitutionTemplateLiteral(b)) ? b.text : undefined;
  const tag = typeofSide(l, r) ?? typeofSide(r, l);
  if (tag !== undefined) {
    // Equal to 'undefined' means undefined; equal to any other tag means defined.
    const definedWhenEqual = tag !== 'undefined';
    return equality ? whenTrue === definedWhenEqual : whenTrue !== definedWhenEqual;
  }
  const other = subject(l) ? r : subject(r) ? l : undefined;
  if (!other) return false;
  // s === undefined, s == undefined, s == null rule undefined in; their negations rule it out.
  const comparesToUndefined = isUndefinedLike(other, scopes) || (loose && isNull(other));
  if (!comparesToUndefined) return false;
  return equality ? !whenTrue : whenTrue;
}

/** A branch that never falls through: return, throw, continue, break (or a block ending in one). */
function exits(s: TS.Statement): boolean {
  const ts = typescript();
  if (ts.isReturnStatement(s) || ts.isThrowStatement(s) || ts.isContinueStatement(s) || ts.isBreakStatement(s)) return true;
  if (ts.isBlock(s)) return s.statements.length > 0 && exits(s.statements[s.statements.length - 1]);
  if (ts.isIfStatement(s)) return !!s.elseStatement && exits(s.thenStatement) && exits(s.elseStatement);
  return false;
}

/**
 * The check that makes `use` safe, if one dominates it: an enclosing `if`, `&&`, `||`, `?:`
 * or loop condition, or an earlier `if (…) return|throw|continue|break` in an enclosing block.
 * Stops at `stopAt`, and at any function boundary unless `crossFunctions`.
 */
export function findGuard(use: TS.Node, subject: Subject, scopes: Scopes, stopAt: TS.Node, crossFunctions: boolean): TS.Expression | undefined {
  const ts = typescript();
  let c: TS.Node = use;
  for (let p: TS.Node | undefined = use.parent; p; c = p, p = p.parent) {
    if (ts.isIfStatement(p)) {
      if (c === p.thenStatement && implies(p.expression, true, subject, scopes)) return p.expression;
      if (c === p.elseStatement && implies(p.expression, false, subject, scopes)) return p.expression;
    } else if (ts.isConditionalExpression(p)) {
      if (c === p.whenTrue && implies(p.condition, true, subject, scopes)) return p.condition;
      if (c === p.whenFalse && implies(p.condition, false, subject, scopes)) return p.condition;
    } else if (ts.isBinaryExpression(p) && c === p.right) {
      const op = p.operatorToken.kind;
      if (op === ts.SyntaxKind.AmpersandAmpersandToken && implies(p.left, true, subject, scopes)) return p.left;
      if (op === ts.SyntaxKind.BarBarToken && implies(p.left, false, subject, scopes)) return p.left;
    } else if ((ts.isWhileStatement(p) && c === p.statement) || (ts.isForStatement(p) && c === p.statement && p.condition)) {
      const cond = ts.isWhileStatement(p) ? p.expression : p.condition!;
      if (implies(cond, true, subject, scopes)) return cond;
    } else if (ts.isBlock(p) || ts.isSourceFile(p) || ts.isCaseClause(p) || ts.isDefaultClause(p) || ts.isModuleBlock(p)) {
      const statements = p.statements as readonly TS.Statement[];
      const at = statements.indexOf(c as TS.Statement);
      for (let i = at - 1; i >= 0; i--) {
        const s = statements[i];
        if (ts.isIfStatement(s) && !s.elseStatement && exits(s.thenStatement) && implies(s.expression, false, subject, scopes)) return s.expression;
      }
    }
    if (p === stopAt) return undefined;
    if (!crossFunctions && scopes.isFunctionLike(p)) return undefined;
  }
  return undefined;
}
