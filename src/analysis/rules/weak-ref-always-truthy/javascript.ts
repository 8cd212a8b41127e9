// weak-ref-always-truthy: a binding or field that only ever holds a WeakRef, tested for truth or
// compared with null/undefined. A WeakRef is an object, so the test has one answer whether or not
// its target has been collected; the target is what deref() returns.
import type * as TS from 'typescript';
import { javascriptCheck, type RuleContext } from '../../javascript/context';
import type { Binding } from '../../javascript/scope';
import { outermostWrapper, RUNTIME_VALUE } from '../../javascript/wrappers';
import type { MessageIdIn } from '../../rule';
import type { Fix } from '../../types';
import { isDerefCall } from '../../javascript/sites';
import { definition } from './definition';

type Context = RuleContext<MessageIdIn<typeof definition, 'javascript'>>;

/** A class field, named within its class. */
interface Field {
  cls: TS.ClassLikeDeclaration;
  name: string;
}

/** What a reference to a weak reference is tested as: a truth test, or a comparison with null/undefined. */
type Test =
  | { kind: 'truth'; replaced: TS.Node; negated: boolean }
  | { kind: 'nullish'; replaced: TS.Node; negated: boolean; value: string };

const BINDING_KINDS = new Set(['const', 'let', 'var', 'param']);

function isWeakRefType(ctx: RuleContext, type: TS.TypeNode | undefined): boolean {
  return ctx.values.typeKind(type) === 'WeakRef';
}

function isNewWeakRef(ctx: RuleContext, e: TS.Expression | undefined): boolean {
  return !!e && ctx.values.constructedKind(e) === 'WeakRef';
}

/** Every value the binding can hold is a WeakRef: declared `WeakRef<T>` (not optional), or only ever given `new WeakRef(…)`. */
function onlyWeakRef(ctx: RuleContext, b: Binding): boolean {
  const { ts, scopes } = ctx;
  if (!BINDING_KINDS.has(b.kind)) return false;
  const decl = b.nameNode.parent;
  if (b.type) {
    // `r?: WeakRef<T>` may be undefined: TypeScript adds it to the type, the annotation does not say it.
    return isWeakRefType(ctx, b.type) && !(ts.isParameter(decl) && decl.questionToken);
  }
  if (b.kind === 'param' || !isNewWeakRef(ctx, b.init)) return false;
  for (const id of scopes.referencesOf(b)) {
    if (!scopes.isWriteTarget(id)) continue;
    const w = outermostWrapper(id, RUNTIME_VALUE).parent;
    if (
      !w ||
      !ts.isBinaryExpression(w) ||
      w.operatorToken.kind !== ts.SyntaxKind.EqualsToken ||
      !isNewWeakRef(ctx, w.right)
    )
      return false;
  }
  return true;
}

function thisField(ctx: RuleContext, e: TS.Node): Field | undefined {
  const { ts, values } = ctx;
  if (!ts.isPropertyAccessExpression(e) || e.expression.kind !== ts.SyntaxKind.ThisKeyword) return undefined;
  const cls = values.thisClass(e);
  return cls ? { cls, name: e.name.text } : undefined;
}

/** Reads of `this.<name>` in the class's own methods (not in nested classes or functions with their own `this`). */
function fieldReads(ctx: RuleContext, f: Field): TS.PropertyAccessExpression[] {
  const { ts, values } = ctx;
  const out: TS.PropertyAccessExpression[] = [];
  const visit = (n: TS.Node): void => {
    if (
      ts.isPropertyAccessExpression(n) &&
      n.expression.kind === ts.SyntaxKind.ThisKeyword &&
      n.name.text === f.name &&
      values.thisClass(n) === f.cls
    )
      out.push(n);
    ts.forEachChild(n, visit);
  };
  for (const m of f.cls.members) visit(m);
  return out;
}

/**
 * Every value the field can hold is a WeakRef: declared `WeakRef<T>` (not optional), or every write
 * makes one and it is set when the instance is made (an initializer, or a statement of the
 * constructor's own body), so that no method can read it before it is set. Never deleted.
 */
function onlyWeakRefField(ctx: RuleContext, f: Field): boolean {
  const { ts, values } = ctx;
  if (values.fieldKind(f.cls, f.name) !== 'WeakRef') return false;
  let setAtConstruction = false;
  for (const m of f.cls.members) {
    if (ts.isPropertyDeclaration(m) && m.name.getText(ctx.sourceFile) === f.name) {
      if (m.questionToken || m.modifiers?.some((x) => x.kind === ts.SyntaxKind.StaticKeyword)) return false;
      if (isWeakRefType(ctx, m.type) || isNewWeakRef(ctx, m.initializer)) setAtConstruction = true;
    }
    if (ts.isConstructorDeclaration(m) && m.body) {
      for (const s of m.body.statements) {
        if (!ts.isExpressionStatement(s) || !ts.isBinaryExpression(s.expression)) continue;
        const field = thisField(ctx, s.expression.left);
        if (field && field.name === f.name && isNewWeakRef(ctx, s.expression.right)) setAtConstruction = true;
      }
    }
  }
  if (!setAtConstruction) return false;
  return !fieldReads(ctx, f).some((r) => {
    const p = outermostWrapper(r, RUNTIME_VALUE).parent;
    return !!p && ts.isDeleteExpression(p);
  });
}

/** Where the value of `e` is only tested for truth: a condition, `!`, `Boolean(…)`, or an operand of `&&`/`||` that is itself tested. */
function inTestPosition(ctx: RuleContext, e: TS.Node): boolean {
  const { ts, scopes } = ctx;
  const outer = outermostWrapper(e, RUNTIME_VALUE);
  const p = outer.parent;
  if (!p) return false;
  if ((ts.isIfStatement(p) || ts.isWhileStatement(p) || ts.isDoStatement(p)) && p.expression === outer) return true;
  if (ts.isForStatement(p) && p.condition === outer) return true;
  if (ts.isConditionalExpression(p) && p.condition === outer) return true;
  if (ts.isPrefixUnaryExpression(p) && p.operator === ts.SyntaxKind.ExclamationToken) return true;
  if (
    ts.isCallExpression(p) &&
    p.arguments.length === 1 &&
    p.arguments[0] === outer &&
    ts.isIdentifier(p.expression) &&
    p.expression.text === 'Boolean' &&
    scopes.isGlobal(p, 'Boolean')
  )
    return true;
  if (
    ts.isBinaryExpression(p) &&
    (p.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken ||
      p.operatorToken.kind === ts.SyntaxKind.BarBarToken)
  )
    return inTestPosition(ctx, p);
  return false;
}

function isNullish(ctx: RuleContext, e: TS.Expression): string | undefined {
  const inner = ctx.values.unwrap(e);
  if (inner.kind === ctx.ts.SyntaxKind.NullKeyword) return 'null';
  return ctx.values.isUndefined(inner) ? 'undefined' : undefined;
}

/** How a read of the weak reference is tested, if it is. */
function testOf(ctx: RuleContext, read: TS.Expression): Test | undefined {
  const { ts } = ctx;
  const outer = outermostWrapper(read, RUNTIME_VALUE) as TS.Expression;
  const p = outer.parent;
  if (!p) return undefined;
  if (ts.isBinaryExpression(p)) {
    const op = p.operatorToken.kind;
    const equality =
      op === ts.SyntaxKind.EqualsEqualsEqualsToken ||
      op === ts.SyntaxKind.EqualsEqualsToken ||
      op === ts.SyntaxKind.ExclamationEqualsEqualsToken ||
      op === ts.SyntaxKind.ExclamationEqualsToken;
    if (equality) {
      const value = isNullish(ctx, p.left === outer ? p.right : p.left);
      if (!value) return undefined;
      const negated = op === ts.SyntaxKind.ExclamationEqualsEqualsToken || op === ts.SyntaxKind.ExclamationEqualsToken;
      return { kind: 'nullish', replaced: p, negated, value };
    }
  }
  if (ts.isPrefixUnaryExpression(p) && p.operator === ts.SyntaxKind.ExclamationToken) {
    const twice = outermostWrapper(p, RUNTIME_VALUE).parent;
    if (twice && ts.isPrefixUnaryExpression(twice) && twice.operator === ts.SyntaxKind.ExclamationToken)
      return { kind: 'truth', replaced: twice, negated: false };
    return { kind: 'truth', replaced: p, negated: true };
  }
  if (!inTestPosition(ctx, outer)) return undefined;
  if (ts.isCallExpression(p)) return { kind: 'truth', replaced: p, negated: false };
  return { kind: 'truth', replaced: outer, negated: false };
}

/** Parents under which a comparison needs no parentheses of its own. */
function needsParentheses(ctx: RuleContext, replaced: TS.Node): boolean {
  const { ts } = ctx;
  const p = replaced.parent;
  if (!p) return false;
  if (ts.isBinaryExpression(p)) {
    const op = p.operatorToken.kind;
    return !(
      op === ts.SyntaxKind.AmpersandAmpersandToken ||
      op === ts.SyntaxKind.BarBarToken ||
      op === ts.SyntaxKind.EqualsToken ||
      op === ts.SyntaxKind.CommaToken
    );
  }
  return !(
    ts.isParenthesizedExpression(p) ||
    ts.isIfStatement(p) ||
    ts.isWhileStatement(p) ||
    ts.isDoStatement(p) ||
    ts.isForStatement(p) ||
    ts.isConditionalExpression(p) ||
    ts.isVariableDeclaration(p) ||
    ts.isReturnStatement(p) ||
    ts.isExpressionStatement(p) ||
    ts.isCallExpression(p) ||
    ts.isArrowFunction(p) ||
    ts.isPropertyAssignment(p)
  );
}

/**
 * `if (ref) … ref.deref() …` → `const target = ref.deref();` before the if, `target !== undefined` as
 * its test and `target` for each `ref.deref()` of the branch: within one job every deref() returns
 * the same value, so only a branch without await, yield or nested functions qualifies.
 */
function readOnceFix(ctx: Context, read: TS.Expression, test: Test): Fix | undefined {
  const { ts, sourceFile } = ctx;
  const stmt = read.parent;
  if (test.kind !== 'truth' || test.negated || !ts.isIdentifier(read) || !stmt || !ts.isIfStatement(stmt))
    return undefined;
  if (stmt.expression !== read || !(ts.isBlock(stmt.parent) || ts.isSourceFile(stmt.parent))) return undefined;
  const name = read.text;
  const local = 'target';
  if (new RegExp(`\\b${local}\\b`).test(sourceFile.text)) return undefined;
  const start = stmt.getStart(sourceFile);
  const lineStart = sourceFile.text.lastIndexOf('\n', start - 1) + 1;
  const indent = sourceFile.text.slice(lineStart, start);
  if (!/^[ \t]*$/.test(indent)) return undefined;
  const derefs: TS.CallExpression[] = [];
  let unsafe = false;
  const visit = (n: TS.Node): void => {
    if (unsafe) return;
    if (ts.isFunctionLike(n) || ts.isClassLike(n) || ts.isAwaitExpression(n) || ts.isYieldExpression(n)) {
      unsafe = true;
      return;
    }
    if (ts.isVariableDeclaration(n) && n.name.getText(sourceFile) === name) unsafe = true;
    if (
      ts.isBinaryExpression(n) &&
      n.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      n.left.getText(sourceFile) === name
    )
      unsafe = true;
    if (
      isDerefCall(ts, n) &&
      !n.expression.questionDotToken &&
      ts.isIdentifier(n.expression.expression) &&
      n.expression.expression.text === name
    ) {
      derefs.push(n);
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(stmt.thenStatement);
  if (unsafe || derefs.length === 0) return undefined;
  return ctx.fix(
    'readOnce',
    [
      { start, end: start, newText: `const ${local} = ${name}.deref();\n${indent}` },
      { start: read.getStart(sourceFile), end: read.end, newText: `${local} !== undefined` },
      ...derefs.map((d) => ({ start: d.getStart(sourceFile), end: d.end, newText: local })),
    ],
    { name },
  );
}

function report(ctx: Context, read: TS.Expression): void {
  const test = testOf(ctx, read);
  if (!test) return;
  const name = read.getText(ctx.sourceFile);
  let replacement = `${name}.deref() ${test.negated ? '===' : '!=='} undefined`;
  if (test.kind === 'nullish') replacement = `${name}.deref() ${test.negated ? '!==' : '==='} undefined`;
  if (needsParentheses(ctx, test.replaced)) replacement = `(${replacement})`;
  const fix = ctx.fix(
    'testTarget',
    [{ start: test.replaced.getStart(ctx.sourceFile), end: test.replaced.end, newText: replacement }],
    {
      replacement,
    },
  );
  const readOnce = readOnceFix(ctx, read, test);
  const fixes = readOnce ? [fix, readOnce] : [fix];
  if (test.kind === 'truth') ctx.report({ node: read, messageId: 'alwaysTruthy', data: { name }, fixes });
  else
    ctx.report({
      node: read,
      messageId: 'neverNullish',
      data: { name, value: test.value, result: test.negated ? 'true' : 'false' },
      fixes: [fix],
    });
}

export const javascript = javascriptCheck(definition, (ctx) => {
  const seen = new Set<Binding | string>();
  const fieldKey = (f: Field) => `${f.cls.pos}:${f.name}`;

  const checkBinding = (b: Binding) => {
    if (seen.has(b)) return;
    seen.add(b);
    if (!onlyWeakRef(ctx, b)) return;
    for (const id of ctx.scopes.referencesOf(b)) if (!ctx.scopes.isWriteTarget(id)) report(ctx, id);
  };
  const checkField = (f: Field) => {
    const key = fieldKey(f);
    if (seen.has(key)) return;
    seen.add(key);
    if (!onlyWeakRefField(ctx, f)) return;
    for (const r of fieldReads(ctx, f)) if (!ctx.scopes.isWriteTarget(r)) report(ctx, r);
  };
  /** The binding or field an expression names, if it names one. */
  const holder = (e: TS.Node) => {
    const { ts } = ctx;
    if (ts.isIdentifier(e)) {
      const b = ctx.scopes.resolve(e);
      if (b) checkBinding(b);
      return;
    }
    const f = thisField(ctx, e);
    if (f) checkField(f);
  };

  return {
    call(node) {
      const { ts, values } = ctx;
      if (isNewWeakRef(ctx, node)) {
        // Where the new WeakRef is stored: `const r = new WeakRef(o)`, `r = …`, `this.r = …`, a field's initializer.
        const p = outermostWrapper(node, RUNTIME_VALUE).parent;
        if (!p) return;
        if (ts.isVariableDeclaration(p) && ts.isIdentifier(p.name)) holder(p.name);
        else if (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.EqualsToken)
          holder(values.unwrap(p.left));
        else if (ts.isPropertyDeclaration(p) && ts.isIdentifier(p.name)) {
          const cls = p.parent;
          if (ts.isClassLike(cls)) checkField({ cls, name: p.name.text });
        }
        return;
      }
      // A binding declared `WeakRef<T>` is seen through its deref() calls.
      if (
        ts.isCallExpression(node) &&
        ts.isPropertyAccessExpression(node.expression) &&
        node.expression.name.text === 'deref'
      )
        holder(values.unwrap(node.expression.expression));
    },
  };
});
