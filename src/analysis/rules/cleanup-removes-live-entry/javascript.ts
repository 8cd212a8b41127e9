// cleanup-removes-live-entry: a FinalizationRegistry cleanup that deletes a map's entry by the
// key it was given (`(key) => map.delete(key)`), where the same file stores WeakRefs in that map.
// When the key is set again while the old target lives, the old target's cleanup runs later and
// deletes the new entry. A cleanup that reads the entry first (and so can see it is live) is left
// alone, as are keys the file makes unique.
import type * as TS from 'typescript';
import { javascriptCheck, type RuleContext } from '../../javascript/context';
import type { MessageIdIn } from '../../rule';
import type { Fix } from '../../types';
import { definition } from './definition';

type Context = RuleContext<MessageIdIn<typeof definition, 'javascript'>>;

/** What names one map across the file: a binding, or a field of one class, or a path below either. */
function receiverKey(ctx: RuleContext, e: TS.Expression): string | undefined {
  const { ts, scopes, values } = ctx;
  const x = values.unwrap(e);
  if (ts.isIdentifier(x)) {
    const b = scopes.resolve(x);
    return b ? `b${b.nameNode.pos}` : undefined;
  }
  if (ts.isPropertyAccessExpression(x)) {
    if (x.expression.kind === ts.SyntaxKind.ThisKeyword) {
      const cls = values.thisClass(x);
      return cls ? `t${cls.pos}.${x.name.text}` : undefined;
    }
    const inner = receiverKey(ctx, x.expression);
    return inner && `${inner}.${x.name.text}`;
  }
  return undefined;
}

/** The function a registry is made with, when the file shows it. */
function cleanupOf(ctx: RuleContext, arg: TS.Expression | undefined): TS.FunctionLikeDeclaration | undefined {
  const { ts, scopes, values } = ctx;
  if (!arg) return undefined;
  const f = values.unwrap(arg);
  if (ts.isArrowFunction(f) || ts.isFunctionExpression(f)) return f;
  if (!ts.isIdentifier(f)) return undefined;
  const b = scopes.resolve(f);
  if (!b) return undefined;
  if (b.declaration && ts.isFunctionDeclaration(b.declaration)) return b.declaration;
  if (b.kind === 'const' && b.init) {
    const init = values.unwrap(b.init);
    if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) return init;
  }
  return undefined;
}

/** `key`, or a property read from it (`held.key`), where key is the cleanup's parameter. */
function isHeldKey(ctx: RuleContext, e: TS.Expression, param: TS.Identifier): boolean {
  const { ts, scopes, values } = ctx;
  let x = values.unwrap(e);
  while (ts.isPropertyAccessExpression(x)) x = values.unwrap(x.expression);
  return ts.isIdentifier(x) && x.text === param.text && scopes.resolve(x)?.nameNode === param;
}

interface Deletion {
  node: TS.Expression;
  receiver: TS.Expression;
  key: TS.Expression;
}

/** The deletions by key in the cleanup's own body, and whether the body reads anything back (get, an index, deref). */
function scanCleanup(ctx: RuleContext, fn: TS.FunctionLikeDeclaration, param: TS.Identifier) {
  const { ts, scopes } = ctx;
  const deletions: Deletion[] = [];
  let readsBack = false;
  const visit = (n: TS.Node): void => {
    if (n !== fn && scopes.isFunctionLike(n)) return;
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression)) {
      const method = n.expression.name.text;
      if (method === 'delete' && n.arguments.length === 1 && isHeldKey(ctx, n.arguments[0], param))
        deletions.push({ node: n, receiver: n.expression.expression, key: n.arguments[0] });
      if (method === 'get' || method === 'deref') readsBack = true;
    } else if (ts.isDeleteExpression(n)) {
      const target = ctx.values.unwrap(n.expression);
      if (ts.isElementAccessExpression(target) && isHeldKey(ctx, target.argumentExpression, param)) {
        deletions.push({ node: n, receiver: target.expression, key: target.argumentExpression });
        return; // its own index is no read
      }
    } else if (ts.isElementAccessExpression(n) && !scopes.isWriteTarget(n)) readsBack = true;
    ts.forEachChild(n, visit);
  };
  if (fn.body) visit(fn.body);
  return { deletions, readsBack };
}

/** A key no other entry can share: `Symbol()`, `crypto.randomUUID()`, a counter (`id++`), or a const holding one. */
function isUniqueKey(ctx: RuleContext, e: TS.Expression, depth = 0): boolean {
  const { ts, scopes, values } = ctx;
  const x = values.unwrap(e);
  if (ts.isPrefixUnaryExpression(x) || ts.isPostfixUnaryExpression(x))
    return x.operator === ts.SyntaxKind.PlusPlusToken || x.operator === ts.SyntaxKind.MinusMinusToken;
  if (ts.isCallExpression(x)) {
    const callee = values.unwrap(x.expression);
    const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
    return name === 'Symbol' || name === 'randomUUID';
  }
  if (ts.isIdentifier(x) && depth < 3) {
    const b = scopes.resolve(x);
    return !!b && b.kind === 'const' && !!b.init && isUniqueKey(ctx, b.init, depth + 1);
  }
  return false;
}

/** A new WeakRef, directly or through a const that holds one. */
function isWeakRefValue(ctx: RuleContext, e: TS.Expression): boolean {
  const { ts, scopes, values } = ctx;
  if (values.constructedKind(e) === 'WeakRef') return true;
  const x = values.unwrap(e);
  if (!ts.isIdentifier(x)) return false;
  const b = scopes.resolve(x);
  return !!b && b.kind === 'const' && !!b.init && values.constructedKind(b.init) === 'WeakRef';
}

interface Stores {
  /** Receivers the file stores a WeakRef in, by receiverKey. */
  weak: Set<string>;
  /** Receivers some store of which uses a unique key. */
  uniqueKeys: Set<string>;
}

/** Every `m.set(k, new WeakRef(…))` and `o[k] = new WeakRef(…)` in the file, and the maps declared `Map<K, WeakRef<V>>`. */
function collectStores(ctx: RuleContext): Stores {
  const { ts, values } = ctx;
  const stores: Stores = { weak: new Set(), uniqueKeys: new Set() };
  const note = (receiver: TS.Expression, key: TS.Expression, value: TS.Expression) => {
    const k = receiverKey(ctx, receiver);
    if (!k) return;
    if (isWeakRefValue(ctx, value)) stores.weak.add(k);
    if (isUniqueKey(ctx, key)) stores.uniqueKeys.add(k);
  };
  const isWeakRefMapType = (t: TS.TypeNode | undefined) =>
    !!t &&
    ts.isTypeReferenceNode(t) &&
    ts.isIdentifier(t.typeName) &&
    t.typeName.text === 'Map' &&
    t.typeArguments?.length === 2 &&
    values.typeKind(t.typeArguments[1]) === 'WeakRef';
  const visit = (n: TS.Node): void => {
    if (
      ts.isCallExpression(n) &&
      ts.isPropertyAccessExpression(n.expression) &&
      n.expression.name.text === 'set' &&
      n.arguments.length === 2
    )
      note(n.expression.expression, n.arguments[0], n.arguments[1]);
    else if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const left = values.unwrap(n.left);
      if (ts.isElementAccessExpression(left)) note(left.expression, left.argumentExpression, n.right);
    } else if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && isWeakRefMapType(n.type)) {
      const k = receiverKey(ctx, n.name);
      if (k) stores.weak.add(k);
    } else if (ts.isPropertyDeclaration(n) && isWeakRefMapType(n.type) && ts.isClassLike(n.parent)) {
      stores.weak.add(`t${n.parent.pos}.${n.name.getText(ctx.sourceFile)}`);
    }
    ts.forEachChild(n, visit);
  };
  visit(ctx.sourceFile);
  return stores;
}

/** `m.get(k)?.deref() === undefined && m.delete(k)`, where the deletion is a statement or an arrow's body. */
function checkEntryFix(ctx: Context, d: Deletion): Fix | undefined {
  const { ts, sourceFile } = ctx;
  const p = d.node.parent;
  if (!p || !(ts.isExpressionStatement(p) || (ts.isArrowFunction(p) && p.body === d.node))) return undefined;
  const m = d.receiver.getText(sourceFile);
  const k = d.key.getText(sourceFile);
  const read = ts.isDeleteExpression(d.node) ? `${m}[${k}]` : `${m}.get(${k})`;
  const start = d.node.getStart(sourceFile);
  return ctx.fix('checkEntry', [{ start, end: start, newText: `${read}?.deref() === undefined && ` }]);
}

export const javascript = javascriptCheck(definition, (ctx) => {
  let stores: Stores | undefined;
  return {
    call(node) {
      const { ts, values } = ctx;
      const made = values.construction(node);
      if (made?.kind !== 'FinalizationRegistry') return;
      const fn = cleanupOf(ctx, made.args?.[0]);
      const param = fn?.parameters[0]?.name;
      if (!fn || !param || !ts.isIdentifier(param)) return;
      const { deletions, readsBack } = scanCleanup(ctx, fn, param);
      if (readsBack || deletions.length === 0) return;
      stores ??= collectStores(ctx);
      for (const d of deletions) {
        const k = receiverKey(ctx, d.receiver);
        if (!k || !stores.weak.has(k) || stores.uniqueKeys.has(k)) continue;
        const fix = checkEntryFix(ctx, d);
        ctx.report({
          node: d.node,
          messageId: 'deletesByKey',
          data: { map: d.receiver.getText(ctx.sourceFile), key: d.key.getText(ctx.sourceFile) },
          fixes: fix ? [fix] : [],
        });
      }
    },
  };
});
