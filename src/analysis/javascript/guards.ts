// Guard and flow facts for unsafe-deref: how a possibly-undefined value is used, and whether
// a check that rules out `undefined` dominates that use.
import type * as TS from 'typescript';
import { assertionOf, predicateOf, type Narrowing } from './assertions';
import type { Scopes } from './scope';
import { typescript } from './tsLoader';
import { PARENTHESES, skipWrappers } from './wrappers';

/** Decides whether an expression is the value being tracked (a variable, or `ref.deref()`). */
export type Subject = (e: TS.Expression) => boolean;

export type UseKind =
  'member' | 'element' | 'call' | 'new' | 'non-null' | 'cast' | 'spread' | 'for-of' | 'in' | 'destructure';

export interface UnsafeUse {
  kind: UseKind;
  /** The outermost expression that still is the value (the value wrapped in parentheses). */
  value: TS.Expression;
  /** The node that uses it. */
  user: TS.Node;
  /** For member access: ".name" or "[…]". */
  detail?: string;
}

function isUndefinedLike(e: TS.Expression, scopes: Scopes): boolean {
  const ts = typescript();
  e = skipWrappers(e, PARENTHESES);
  return ts.isVoidExpression(e) || (ts.isIdentifier(e) && e.text === 'undefined' && scopes.isGlobal(e, 'undefined'));
}
function isNull(e: TS.Expression): boolean {
  return skipWrappers(e, PARENTHESES).kind === typescript().SyntaxKind.NullKeyword;
}

function castKeepsUndefined(type: TS.TypeNode): boolean {
  const ts = typescript();
  if (
    type.kind === ts.SyntaxKind.AnyKeyword ||
    type.kind === ts.SyntaxKind.UnknownKeyword ||
    type.kind === ts.SyntaxKind.UndefinedKeyword
  )
    return true;
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
    if (ts.isPropertyAccessExpression(p) && p.expression === value)
      return p.questionDotToken ? undefined : { kind: 'member', value, user: p, detail: `.${p.name.text}` };
    if (ts.isElementAccessExpression(p) && p.expression === value)
      return p.questionDotToken ? undefined : { kind: 'element', value, user: p, detail: '[…]' };
    if (ts.isCallExpression(p) && p.expression === value)
      return p.questionDotToken ? undefined : { kind: 'call', value, user: p };
    if (ts.isTaggedTemplateExpression(p) && p.tag === value) return { kind: 'call', value, user: p };
    if (ts.isNewExpression(p) && p.expression === value) return { kind: 'new', value, user: p };
    if (ts.isSpreadElement(p))
      return ts.isArrayLiteralExpression(p.parent) || ts.isCallExpression(p.parent) || ts.isNewExpression(p.parent)
        ? { kind: 'spread', value, user: p }
        : undefined;
    if (ts.isForOfStatement(p) && p.expression === value) return { kind: 'for-of', value, user: p };
    if (ts.isBinaryExpression(p) && p.right === value && p.operatorToken.kind === ts.SyntaxKind.InKeyword)
      return { kind: 'in', value, user: p };
    if (ts.isVariableDeclaration(p) && p.initializer === value && !ts.isIdentifier(p.name))
      return { kind: 'destructure', value, user: p };
    if (ts.isBinaryExpression(p) && p.right === value && p.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const left = skipWrappers(p.left, PARENTHESES);
      if (ts.isObjectLiteralExpression(left) || ts.isArrayLiteralExpression(left))
        return { kind: 'destructure', value, user: p };
    }
    return undefined;
  }
}

/**
 * Is `e` the subject's value? Looks through parentheses, assignments (`(o = r.deref())` has
 * the value of both sides) and the comma operator.
 */
/** Nested assignments and commas looked through (`(a = b = r.deref())`); written code nests one or two. */
const ASSIGNMENT_NESTING_LIMIT = 8;

function isSubjectValue(e: TS.Expression, subject: Subject, depth = 0): boolean {
  const ts = typescript();
  e = skipWrappers(e, PARENTHESES);
  if (subject(e)) return true;
  if (depth > ASSIGNMENT_NESTING_LIMIT || !ts.isBinaryExpression(e)) return false;
  const op = e.operatorToken.kind;
  if (op === ts.SyntaxKind.EqualsToken)
    return isSubjectValue(e.left, subject, depth + 1) || isSubjectValue(e.right, subject, depth + 1);
  if (op === ts.SyntaxKind.CommaToken) return isSubjectValue(e.right, subject, depth + 1);
  return false;
}

/** `s?.x`, `s?.[k]`, `s?.m()`, `s?.a.b`: a chain that is undefined whenever s is, and reads s otherwise. */
function isOptionalChainOf(e: TS.Expression, subject: Subject): boolean {
  const ts = typescript();
  let inner = skipWrappers(e, PARENTHESES);
  while (ts.isPropertyAccessExpression(inner) || ts.isElementAccessExpression(inner) || ts.isCallExpression(inner)) {
    if (inner.questionDotToken && isSubjectValue(inner.expression, subject)) return true;
    inner = skipWrappers(inner.expression, PARENTHESES);
  }
  return false;
}

/**
 * Can `e` be undefined (or, when `nullToo`, null)? True when it certainly or possibly is (an
 * optional chain, a deref() call, `undefined`); false for values that never are (literals,
 * fresh objects) and for values the analysis cannot tell about: comparing with those is read
 * as the author's check, and the rule stays silent rather than cry wolf.
 */
function mayBeUndefined(e: TS.Expression, nullToo: boolean, scopes: Scopes): boolean {
  const ts = typescript();
  e = skipWrappers(e, PARENTHESES);
  if (isUndefinedLike(e, scopes) || (nullToo && isNull(e))) return true;
  if (
    (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e) || ts.isCallExpression(e)) &&
    ts.isOptionalChain(e)
  )
    return true;
  if (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && e.expression.name.text === 'deref')
    return true;
  return false;
}

/** What comparing `l op r` being `whenTrue` says about the subject. */
function impliesComparison(
  left: TS.Expression,
  op: TS.SyntaxKind,
  right: TS.Expression,
  whenTrue: boolean,
  subject: Subject,
  scopes: Scopes,
): boolean {
  const ts = typescript();
  const S = ts.SyntaxKind;
  const l = skipWrappers(left, PARENTHESES);
  const r = skipWrappers(right, PARENTHESES);
  // Relational comparisons are false whenever a side is undefined (it converts to NaN).
  if (
    op === S.LessThanToken ||
    op === S.GreaterThanToken ||
    op === S.LessThanEqualsToken ||
    op === S.GreaterThanEqualsToken
  ) {
    return whenTrue && [l, r].some((x) => isSubjectValue(x, subject) || isOptionalChainOf(x, subject));
  }
  const equality = op === S.EqualsEqualsEqualsToken || op === S.EqualsEqualsToken;
  const inequality = op === S.ExclamationEqualsEqualsToken || op === S.ExclamationEqualsToken;
  if (!equality && !inequality) return false;
  const loose = op === S.EqualsEqualsToken || op === S.ExclamationEqualsToken;
  // Whether the two sides are equal, in the branch being asked about.
  const equal = equality === whenTrue;
  // typeof s === 'undefined' / !== 'undefined' / === 'object' …, and the same on s?.x.
  const typeofSide = (a: TS.Expression, b: TS.Expression) =>
    ts.isTypeOfExpression(a) &&
    (isSubjectValue(a.expression, subject) || isOptionalChainOf(a.expression, subject)) &&
    (ts.isStringLiteral(b) || ts.isNoSubstitutionTemplateLiteral(b))
      ? b.text
      : undefined;
  const tag = typeofSide(l, r) ?? typeofSide(r, l);
  if (tag !== undefined) return equal === (tag !== 'undefined');
  const direct = isSubjectValue(l, subject) ? r : isSubjectValue(r, subject) ? l : undefined;
  const chained = direct
    ? undefined
    : isOptionalChainOf(l, subject)
      ? r
      : isOptionalChainOf(r, subject)
        ? l
        : undefined;
  const other = direct ?? chained;
  if (!other) return false;
  // Equal to something that cannot be undefined (s === 'open', s?.state === 'open'): defined.
  if (equal) return !mayBeUndefined(other, loose, scopes);
  // Not equal to undefined (s !== undefined, s?.x != null): defined. For the chain this also
  // needs `s?.x !== undefined`, which holds for the same comparisons.
  return isUndefinedLike(other, scopes) || (loose && isNull(other));
}

function impliesNarrowing(n: Narrowing, subject: Subject, scopes: Scopes, depth: number): boolean {
  if (n.kind === 'truthy') return implies(n.value, true, subject, scopes, depth + 1);
  if (n.kind === 'defined') return isSubjectValue(n.value, subject) || isOptionalChainOf(n.value, subject);
  return impliesComparison(n.left, n.operator, n.right, true, subject, scopes);
}

/**
 * How deep a condition is read: `a && b && c` nests to the left, so this is about how many
 * operands (and `!`, `Boolean(…)`) one condition may have. Past it the condition counts as no
 * guard; the cap only keeps generated conditions from recursing without end.
 */
const CONDITION_NESTING_LIMIT = 20;

/** Does `cond` being `whenTrue` rule out that the subject is undefined? */
export function implies(cond: TS.Expression, whenTrue: boolean, subject: Subject, scopes: Scopes, depth = 0): boolean {
  const ts = typescript();
  if (depth > CONDITION_NESTING_LIMIT) return false;
  cond = skipWrappers(cond, PARENTHESES);
  if (isSubjectValue(cond, subject)) return whenTrue;
  if (ts.isPrefixUnaryExpression(cond) && cond.operator === ts.SyntaxKind.ExclamationToken)
    return implies(cond.operand, !whenTrue, subject, scopes, depth + 1);
  if (
    ts.isCallExpression(cond) &&
    ts.isIdentifier(cond.expression) &&
    cond.expression.text === 'Boolean' &&
    cond.arguments.length === 1 &&
    scopes.isGlobal(cond.expression, 'Boolean')
  ) {
    return implies(cond.arguments[0], whenTrue, subject, scopes, depth + 1);
  }
  // `s?.x` (or a longer optional chain from s) being truthy means s was not undefined.
  if (whenTrue && isOptionalChainOf(cond, subject)) return true;
  if (whenTrue && ts.isCallExpression(cond)) {
    const predicate = predicateOf(cond, scopes);
    if (predicate && impliesNarrowing(predicate, subject, scopes, depth)) return true;
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
  if (op === S.CommaToken) return implies(cond.right, whenTrue, subject, scopes, depth + 1);
  if (op === S.InstanceOfKeyword)
    return whenTrue && (isSubjectValue(cond.left, subject) || isOptionalChainOf(cond.left, subject));
  return impliesComparison(cond.left, op, cond.right, whenTrue, subject, scopes);
}

/** A branch that never falls through: return, throw, continue, break, process.exit() (or a block ending in one). */
function exits(s: TS.Statement, scopes: Scopes): boolean {
  const ts = typescript();
  if (ts.isReturnStatement(s) || ts.isThrowStatement(s) || ts.isContinueStatement(s) || ts.isBreakStatement(s))
    return true;
  if (ts.isBlock(s)) return s.statements.length > 0 && exits(s.statements[s.statements.length - 1], scopes);
  if (ts.isIfStatement(s)) return !!s.elseStatement && exits(s.thenStatement, scopes) && exits(s.elseStatement, scopes);
  if (ts.isExpressionStatement(s) && ts.isCallExpression(s.expression)) {
    const callee = skipWrappers(s.expression.expression, PARENTHESES);
    return (
      ts.isPropertyAccessExpression(callee) &&
      callee.name.text === 'exit' &&
      ts.isIdentifier(callee.expression) &&
      callee.expression.text === 'process' &&
      scopes.isGlobal(callee.expression, 'process')
    );
  }
  return false;
}

/** Can a loop be left other than by its condition turning false (a `break` that may target it)? */
function hasBreak(loop: TS.IterationStatement, scopes: Scopes): boolean {
  const ts = typescript();
  let found = false;
  const visit = (n: TS.Node, nested: boolean): void => {
    if (found || scopes.isFunctionLike(n) || ts.isClassLike(n)) return;
    if (ts.isBreakStatement(n) && (n.label || !nested)) {
      found = true;
      return;
    }
    const inner = nested || ts.isIterationStatement(n, false) || ts.isSwitchStatement(n);
    ts.forEachChild(n, (c) => visit(c, inner));
  };
  visit(loop.statement, false);
  return found;
}

/** Can the statements of a switch clause be reached only when the subject is defined? */
function caseImplies(clause: TS.CaseClause | TS.DefaultClause, subject: Subject, scopes: Scopes): boolean {
  const ts = typescript();
  const sw = clause.parent.parent;
  const tested = sw.expression;
  if (!isSubjectValue(tested, subject) && !isOptionalChainOf(tested, subject)) return false;
  const clauses = clause.parent.clauses;
  // The clause runs when its own value matched, or by falling through from the clauses before it.
  for (let i = clauses.indexOf(clause); i >= 0; i--) {
    const c = clauses[i];
    if (
      !ts.isCaseClause(c) ||
      !impliesComparison(tested, ts.SyntaxKind.EqualsEqualsEqualsToken, c.expression, true, subject, scopes)
    )
      return false;
    const before = clauses[i - 1];
    if (!before || (before.statements.length > 0 && exits(before.statements[before.statements.length - 1], scopes)))
      return true;
  }
  return true;
}

/** What an earlier statement of the same block guarantees for every statement after it. */
function statementGuard(s: TS.Statement, subject: Subject, scopes: Scopes): TS.Expression | undefined {
  const ts = typescript();
  if (ts.isIfStatement(s)) {
    const thenExits = exits(s.thenStatement, scopes);
    const elseExits = !!s.elseStatement && exits(s.elseStatement, scopes);
    // if (!o) return; … / if (o) { … } else return; …
    if (thenExits && !elseExits && implies(s.expression, false, subject, scopes)) return s.expression;
    if (elseExits && !thenExits && implies(s.expression, true, subject, scopes)) return s.expression;
    return undefined;
  }
  if (ts.isExpressionStatement(s)) {
    const e = skipWrappers(s.expression, PARENTHESES);
    const assertion = ts.isCallExpression(e) ? assertionOf(e, scopes) : undefined;
    return assertion && impliesNarrowing(assertion, subject, scopes, 0) ? e : undefined;
  }
  // while (!(o = r.deref())) wait(); … : a loop without break ends only when its condition is false.
  if (
    (ts.isWhileStatement(s) || ts.isDoStatement(s)) &&
    !hasBreak(s, scopes) &&
    implies(s.expression, false, subject, scopes)
  )
    return s.expression;
  if (ts.isForStatement(s) && s.condition && !hasBreak(s, scopes) && implies(s.condition, false, subject, scopes))
    return s.condition;
  return undefined;
}

/** Per block: each statement's index, and the statements that could guard some subject (in order). */
interface BlockGuards {
  indexOf: Map<TS.Node, number>;
  mayGuard: number[];
}
const blockGuardsOf = new WeakMap<Scopes, WeakMap<TS.Node, BlockGuards>>();

/**
 * Found once per block and analysis: scanning every earlier statement for every use, and
 * `indexOf` for each, made a file of many top-level statements quadratic. A statement that
 * statementGuard could accept for some subject is an if with one exiting branch, an assertion
 * call or a loop without break; the rest are never tried.
 */
function blockGuards(block: TS.Node, statements: readonly TS.Statement[], scopes: Scopes): BlockGuards {
  const ts = typescript();
  let perBlock = blockGuardsOf.get(scopes);
  if (!perBlock) blockGuardsOf.set(scopes, (perBlock = new WeakMap()));
  const found = perBlock.get(block);
  if (found) return found;
  const made: BlockGuards = { indexOf: new Map(), mayGuard: [] };
  statements.forEach((s, i) => {
    made.indexOf.set(s, i);
    const e = ts.isExpressionStatement(s) ? skipWrappers(s.expression, PARENTHESES) : undefined;
    if (
      (ts.isIfStatement(s) &&
        (exits(s.thenStatement, scopes) || (!!s.elseStatement && exits(s.elseStatement, scopes)))) ||
      (e && ts.isCallExpression(e) && assertionOf(e, scopes)) ||
      ((ts.isWhileStatement(s) || ts.isDoStatement(s)) && !hasBreak(s, scopes)) ||
      (ts.isForStatement(s) && s.condition && !hasBreak(s, scopes))
    )
      made.mayGuard.push(i);
  });
  perBlock.set(block, made);
  return made;
}

/**
 * The check that makes `use` safe, if one dominates it: an enclosing `if`, `&&`, `||`, `?:`,
 * loop condition or switch case, or an earlier statement of an enclosing block that returns
 * only when the subject is defined (an `if (…) return|throw|continue|break`, an assertion call,
 * a loop that ends only when its condition is false).
 * Stops at `stopAt`, and at any function boundary unless `crossFunctions`.
 */
export function findGuard(
  use: TS.Node,
  subject: Subject,
  scopes: Scopes,
  stopAt: TS.Node,
  crossFunctions: boolean,
): TS.Expression | undefined {
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
      if (op === ts.SyntaxKind.CommaToken) {
        const left = skipWrappers(p.left, PARENTHESES);
        const assertion = ts.isCallExpression(left) ? assertionOf(left, scopes) : undefined;
        if (assertion && impliesNarrowing(assertion, subject, scopes, 0)) return left;
      }
    } else if (
      (ts.isWhileStatement(p) && c === p.statement) ||
      (ts.isForStatement(p) && c === p.statement && p.condition)
    ) {
      const cond = ts.isWhileStatement(p) ? p.expression : p.condition!;
      if (implies(cond, true, subject, scopes)) return cond;
    }
    if (ts.isCaseClause(p) && c !== p.expression && caseImplies(p, subject, scopes)) return p.parent.parent.expression;
    if (ts.isBlock(p) || ts.isSourceFile(p) || ts.isCaseClause(p) || ts.isDefaultClause(p) || ts.isModuleBlock(p)) {
      const statements = p.statements as readonly TS.Statement[];
      const { indexOf, mayGuard } = blockGuards(p, statements, scopes);
      const at = indexOf.get(c) ?? -1;
      for (let k = mayGuard.length - 1; k >= 0; k--) {
        if (mayGuard[k] >= at) continue;
        const guard = statementGuard(statements[mayGuard[k]], subject, scopes);
        if (guard) return guard;
      }
    }
    if (p === stopAt) return undefined;
    if (!crossFunctions && scopes.isFunctionLike(p)) return undefined;
  }
  return undefined;
}
