// register-holds-target: a FinalizationRegistry whose held value (or cleanup callback)
// reaches the target: register(t, t) throws; anything else keeps t alive for ever.
import type * as TS from 'typescript';
import { javascriptCheck, type RuleContext } from '../../javascript/context';
import { registerCall } from '../../javascript/sites';
import { definition } from './definition';

/** How deep into nested array and object literals the held value is searched; past it, no finding (a miss, never a false alarm). */
const HELD_VALUE_NESTING_LIMIT = 6;

/** The held value's parts that could be the target: literal members, and closures that capture it. */
function reaches(held: TS.Expression, target: TS.Expression, ctx: RuleContext, depth = 0): boolean {
  const { ts, values } = ctx;
  if (depth > HELD_VALUE_NESTING_LIMIT) return false;
  const h = values.unwrap(held);
  if (values.sameValue(h, target)) return true;
  if (ts.isArrayLiteralExpression(h))
    return h.elements.some((el) =>
      ts.isSpreadElement(el) ? false : !ts.isOmittedExpression(el) && reaches(el, target, ctx, depth + 1),
    );
  if (ts.isObjectLiteralExpression(h)) {
    return h.properties.some((p) => {
      if (ts.isPropertyAssignment(p)) return reaches(p.initializer, target, ctx, depth + 1);
      if (ts.isShorthandPropertyAssignment(p)) return reaches(p.name, target, ctx, depth + 1);
      if (ts.isMethodDeclaration(p) || ts.isGetAccessor(p) || ts.isSetAccessor(p)) return captures(p, target, ctx);
      return false;
    });
  }
  if (ts.isArrowFunction(h) || ts.isFunctionExpression(h)) return captures(h, target, ctx);
  // A const made from an object or array literal holds what the literal holds: `const ret = { value: root }`.
  if (ts.isIdentifier(h)) {
    const b = ctx.scopes.resolve(h);
    const init = b?.kind === 'const' && b.init ? values.unwrap(b.init) : undefined;
    if (init && (ts.isObjectLiteralExpression(init) || ts.isArrayLiteralExpression(init)))
      return reaches(init, target, ctx, depth + 1);
  }
  return false;
}

/** Does a function's body refer to the target's binding (or to `this`, for an arrow, when the target is `this`)? */
function captures(fn: TS.Node, target: TS.Expression, ctx: RuleContext): boolean {
  const { ts, values, scopes } = ctx;
  const t = values.unwrap(target);
  if (ts.isIdentifier(t)) {
    const binding = scopes.resolve(t);
    if (!binding) {
      // An undeclared (global) name: any unshadowed use of it in the function captures it.
      let found = false;
      const visit = (n: TS.Node): void => {
        if (found) return;
        if (ts.isIdentifier(n) && n.text === t.text && scopes.isReference(n) && !scopes.resolve(n)) found = true;
        else ts.forEachChild(n, visit);
      };
      visit(fn);
      return found;
    }
    // A variable that is reassigned later may no longer hold the target when the closure runs.
    if (scopes.isReassigned(binding)) return false;
    return scopes.referencesOf(binding).some((ref) => ref.pos >= fn.pos && ref.end <= fn.end);
  }
  if (t.kind === ts.SyntaxKind.ThisKeyword && ts.isArrowFunction(fn)) {
    let found = false;
    const visit = (n: TS.Node): void => {
      if (found || ts.isFunctionDeclaration(n) || ts.isFunctionExpression(n) || ts.isClassLike(n)) return;
      if (n.kind === ts.SyntaxKind.ThisKeyword) found = true;
      else ts.forEachChild(n, visit);
    };
    visit(fn);
    return found;
  }
  return false;
}

/** The cleanup callback a registry was made with, when it can be followed. */
function cleanupCallback(receiver: TS.Expression, ctx: RuleContext): TS.Node | undefined {
  const { ts, values, scopes } = ctx;
  const r = values.unwrap(receiver);
  if (!ts.isIdentifier(r)) return undefined;
  const binding = scopes.resolve(r);
  if (!binding?.init || scopes.isReassigned(binding)) return undefined;
  const made = values.construction(binding.init);
  if (made?.kind !== 'FinalizationRegistry') return undefined;
  const first = made.args?.[0];
  const cb = first && !ts.isSpreadElement(first) ? values.unwrap(first) : undefined;
  if (!cb) return undefined;
  if (ts.isArrowFunction(cb) || ts.isFunctionExpression(cb)) return cb;
  if (ts.isIdentifier(cb)) {
    const fn = scopes.resolve(cb);
    return fn?.declaration && ts.isFunctionDeclaration(fn.declaration) ? fn.declaration : undefined;
  }
  return undefined;
}

export const javascript = javascriptCheck(definition, (ctx) => ({
  call(node) {
    const call = registerCall(node, ctx.values);
    if (!call) return;
    const { target, held } = call;
    if (held && ctx.values.sameValue(held, target)) {
      ctx.report({
        messageId: 'heldIsTarget',
        node: held,
        severity: 'error',
      });
      return;
    }
    if (held && reaches(held, target, ctx)) {
      ctx.report({
        messageId: 'heldReachesTarget',
        node: held,
        severity: 'warning',
      });
      return;
    }
    const cb = cleanupCallback(call.receiver, ctx);
    if (
      cb &&
      ctx.ts.isIdentifier(ctx.values.unwrap(target)) &&
      !(target.pos >= cb.pos && target.end <= cb.end) &&
      captures(cb, target, ctx)
    ) {
      ctx.report({
        messageId: 'callbackReachesTarget',
        data: { target: ctx.values.unwrap(target).getText(ctx.sourceFile) },
        node: target,
        severity: 'warning',
      });
    }
  },
}));
