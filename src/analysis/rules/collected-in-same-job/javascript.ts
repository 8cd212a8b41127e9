// collected-in-same-job: `ref.deref()` checked for collection (=== undefined, == null, !…,
// assert.equal(…, undefined), expect(…).toBeUndefined()) after gc(), where the WeakRef was made,
// or dereferenced, earlier in the same function with no await or yield since. Both keep the target
// alive until the synchronous job ends (KeepDuringJob), so that gc() cannot collect it.
import type * as TS from 'typescript';
import { javascriptCheck, type RuleContext } from '../../javascript/context';
import { outermostWrapper, RUNTIME_VALUE } from '../../javascript/wrappers';
import { isDerefCall } from '../../javascript/sites';
import { definition } from './definition';

function isUndefinedOrNull(ctx: RuleContext, e: TS.Expression): boolean {
  const x = ctx.values.unwrap(e);
  return x.kind === ctx.ts.SyntaxKind.NullKeyword || ctx.values.isUndefined(x);
}

/** The deref() result is tested for the target being gone. */
function checkedForCollection(ctx: RuleContext, call: TS.Expression): boolean {
  const { ts } = ctx;
  const outer = outermostWrapper(call, RUNTIME_VALUE) as TS.Expression;
  const p = outer.parent;
  if (!p) return false;
  if (ts.isBinaryExpression(p)) {
    const op = p.operatorToken.kind;
    if (op !== ts.SyntaxKind.EqualsEqualsEqualsToken && op !== ts.SyntaxKind.EqualsEqualsToken) return false;
    return isUndefinedOrNull(ctx, p.left === outer ? p.right : p.left);
  }
  if (ts.isPrefixUnaryExpression(p)) return p.operator === ts.SyntaxKind.ExclamationToken;
  if (ts.isCallExpression(p) && p.arguments[0] === outer) {
    const callee = ctx.values.unwrap(p.expression);
    // assert.equal / strictEqual / deepStrictEqual(ref.deref(), undefined)
    if (
      ts.isPropertyAccessExpression(callee) &&
      /^(equal|strictEqual|deepEqual|deepStrictEqual|is)$/.test(callee.name.text)
    )
      return !!p.arguments[1] && isUndefinedOrNull(ctx, p.arguments[1]);
    // expect(ref.deref()).toBeUndefined()
    if (ts.isIdentifier(callee) && callee.text === 'expect') {
      const member = p.parent;
      return (
        !!member &&
        ts.isPropertyAccessExpression(member) &&
        /^(toBeUndefined|toBeNull|toBeFalsy)$/.test(member.name.text) &&
        !!member.parent &&
        ts.isCallExpression(member.parent)
      );
    }
  }
  return false;
}

function isGcCall(ctx: RuleContext, n: TS.Node): boolean {
  const { ts, scopes } = ctx;
  if (!ts.isCallExpression(n)) return false;
  const callee = ctx.values.unwrap(n.expression);
  if (ts.isIdentifier(callee)) return callee.text === 'gc' && scopes.isGlobal(n, 'gc');
  return (
    ts.isPropertyAccessExpression(callee) &&
    callee.name.text === 'gc' &&
    ts.isIdentifier(callee.expression) &&
    (callee.expression.text === 'globalThis' || callee.expression.text === 'global') &&
    scopes.isGlobal(n, callee.expression.text)
  );
}

/** The function's own nodes (not those of functions or classes nested in it), in source order. */
function ownNodes(ctx: RuleContext, fn: TS.Node): TS.Node[] {
  const { ts, scopes } = ctx;
  const out: TS.Node[] = [];
  const visit = (n: TS.Node): void => {
    if (n !== fn && (scopes.isFunctionLike(n) || ts.isClassLike(n))) return;
    out.push(n);
    ts.forEachChild(n, visit);
  };
  visit(fn);
  return out;
}

function isSuspension(ts: typeof TS, n: TS.Node): boolean {
  return ts.isAwaitExpression(n) || ts.isYieldExpression(n) || (ts.isForOfStatement(n) && !!n.awaitModifier);
}

export const javascript = javascriptCheck(definition, (ctx) => ({
  call(node) {
    const { ts, scopes, sourceFile } = ctx;
    if (!isDerefCall(ts, node) || !checkedForCollection(ctx, node)) return;
    const receiver = ctx.values.unwrap(node.expression.expression);
    const receiverText = receiver.getText(sourceFile).replace(/\s+/g, '');
    const fn = scopes.functionOf(node);
    const nodes = ownNodes(ctx, fn);
    const checkAt = node.getStart(sourceFile);
    // A loop around the check that suspends anywhere runs the check again in a later job.
    for (let p: TS.Node | undefined = node.parent; p && p !== fn; p = p.parent)
      if (
        ts.isIterationStatement(p, false) &&
        nodes.some((n) => isSuspension(ts, n) && n.pos >= p.pos && n.end <= p.end)
      )
        return;
    // What keeps the target: the WeakRef made in this function, or an earlier deref() of it.
    let keep: { at: number; how: string } | undefined;
    if (ts.isIdentifier(receiver)) {
      const b = scopes.resolve(receiver);
      if (
        b &&
        b.init &&
        !scopes.isReassigned(b) &&
        ctx.values.constructedKind(b.init) === 'WeakRef' &&
        scopes.functionOf(b.nameNode) === fn
      )
        keep = { at: b.init.end, how: 'created the WeakRef' };
    }
    let gcAt: number | undefined;
    for (const n of nodes) {
      const at = n.getStart(sourceFile);
      if (at >= checkAt) break;
      if (
        n !== node &&
        isDerefCall(ts, n) &&
        ctx.values.unwrap(n.expression.expression).getText(sourceFile).replace(/\s+/g, '') === receiverText &&
        n.end <= checkAt
      ) {
        if (!keep || n.end > keep.at) keep = { at: n.end, how: 'called deref()' };
      } else if (isGcCall(ctx, n) && (!keep || at >= keep.at)) gcAt = at;
    }
    if (!keep || gcAt === undefined || gcAt < keep.at) return;
    const k = keep;
    if (nodes.some((n) => isSuspension(ts, n) && n.getStart(sourceFile) >= k.at && n.getStart(sourceFile) < checkAt))
      return;
    ctx.report({
      node,
      messageId: 'keptAlive',
      data: { call: node.getText(sourceFile).replace(/\s+/g, ''), how: keep.how },
    });
  },
}));
