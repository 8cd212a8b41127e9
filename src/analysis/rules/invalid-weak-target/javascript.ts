// invalid-weak-target: a value that can never be held weakly reaching a weak API.
import type * as TS from 'typescript';
import { javascriptCheck, type RuleContext } from '../../javascript/context';
import { weakArguments, type WeakArgument } from '../../javascript/sites';
import type { Fix } from '../../types';
import { primitiveByType } from '../../javascript/typed';
import type { MessageIdIn } from '../../rule';
import { definition } from './definition';

type Context = RuleContext<MessageIdIn<typeof definition, 'javascript'>>;

const MISS_RESULT: Record<string, string> = { get: 'returns undefined', has: 'returns false', delete: 'returns false' };

function message(
  arg: WeakArgument,
  value: string,
): { messageId: MessageIdIn<typeof definition, 'javascript'>; data: Record<string, string> } {
  if (arg.role === 'lookup') {
    const result = MISS_RESULT[arg.method ?? 'get'] ?? 'misses';
    const messageId = arg.kind === 'WeakMap' ? 'neverAKey' : 'neverAMember';
    return { messageId, data: { api: arg.api, result, value } };
  }
  if (arg.role === 'token') return { messageId: 'tokenCannotBeHeld', data: { api: arg.api, value } };
  return { messageId: 'cannotBeHeld', data: { api: arg.api, value } };
}

/**
 * "Use a Map/Set" fits when the collection is a const (or a class field: fieldMapFix) made right there with `new WeakMap()` /
 * `new WeakSet()` and every use of it is a method call with a key that cannot be held weakly.
 */
function mapFix(call: TS.Node, ctx: Context): Fix | undefined {
  const { ts, values, scopes } = ctx;
  if (!ts.isCallExpression(call)) return undefined;
  const callee = values.unwrap(call.expression);
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const held = callee.expression;
  if (ts.isPropertyAccessExpression(held) && held.expression.kind === ts.SyntaxKind.ThisKeyword)
    return fieldMapFix(callee, ctx);
  if (!ts.isIdentifier(callee.expression)) return undefined;
  const binding = scopes.resolve(callee.expression);
  if (!binding || binding.kind !== 'const' || !binding.init) return undefined;
  const made = values.unwrap(binding.init);
  const kind = values.constructedKind(made);
  if (
    (kind !== 'WeakMap' && kind !== 'WeakSet') ||
    !ts.isNewExpression(made) ||
    !ts.isIdentifier(made.expression) ||
    made.expression.text !== kind ||
    (made.arguments?.length ?? 0) > 0
  )
    return undefined;
  for (const ref of scopes.referencesOf(binding)) {
    const access = ref.parent;
    if (
      !ts.isPropertyAccessExpression(access) ||
      access.expression !== ref ||
      !ts.isCallExpression(access.parent) ||
      access.parent.expression !== access
    )
      return undefined;
    const args = weakArguments(access.parent, values);
    if (args.length === 0 || !args.every((a) => values.notHoldable(a.expr))) return undefined;
  }
  const plain = kind === 'WeakMap' ? 'Map' : 'Set';
  const edits = [{ start: made.expression.getStart(ctx.sourceFile), end: made.expression.end, newText: plain }];
  if (binding.type && ts.isTypeReferenceNode(binding.type))
    edits.push({
      start: binding.type.typeName.getStart(ctx.sourceFile),
      end: binding.type.typeName.end,
      newText: plain,
    });
  return ctx.fix('useStrongCollection', edits, { collection: plain, weakCollection: kind });
}

/** `new WeakMap()` / `new WeakSet()` with no arguments, written exactly so. */
function plainWeakNew(e: TS.Expression | undefined, ctx: Context): TS.NewExpression | undefined {
  const { ts, values } = ctx;
  if (!e) return undefined;
  const made = values.unwrap(e);
  const kind = values.constructedKind(made);
  if (kind !== 'WeakMap' && kind !== 'WeakSet') return undefined;
  if (!ts.isNewExpression(made) || !ts.isIdentifier(made.expression) || made.expression.text !== kind) return undefined;
  return (made.arguments?.length ?? 0) === 0 ? made : undefined;
}

/**
 * The same for a class field (`byUrl = new WeakMap()`, or `this.byUrl = new WeakMap()` once in the
 * constructor): every time the file spells the field's name must be its declaration, that one
 * write, or `this.byUrl.<method>(key, …)` in the class with a key that cannot be held weakly, so
 * a field passed, returned, destructured, reached from a subclass or another object offers nothing.
 */
function fieldMapFix(callee: TS.PropertyAccessExpression, ctx: Context): Fix | undefined {
  const { ts, values, sourceFile } = ctx;
  const cls = values.thisClass(callee);
  const field = callee.expression;
  if (!cls || !ts.isPropertyAccessExpression(field) || field.expression.kind !== ts.SyntaxKind.ThisKeyword)
    return undefined;
  const name = field.name.text;
  let spelled = 0;
  let made: TS.NewExpression | undefined;
  let declType: TS.TypeNode | undefined;
  for (const m of cls.members) {
    if (!ts.isPropertyDeclaration(m) || m.name.getText(sourceFile) !== name) continue;
    if (m.modifiers?.some((x) => x.kind === ts.SyntaxKind.StaticKeyword)) return undefined;
    spelled++;
    declType = m.type;
    if (m.initializer) made = plainWeakNew(m.initializer, ctx);
    if (m.initializer && !made) return undefined;
  }
  let ok = true;
  const visit = (n: TS.Node): void => {
    if (!ok) return;
    if (ts.isPropertyAccessExpression(n) && n.name.text === name && n.expression.kind === ts.SyntaxKind.ThisKeyword) {
      if (values.thisClass(n) !== cls) ok = false;
      const p = n.parent;
      if (ts.isBinaryExpression(p) && p.left === n && p.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
        const ctor = p.parent?.parent?.parent;
        const once = plainWeakNew(p.right, ctx);
        if (made || !once || !ts.isExpressionStatement(p.parent) || !ctor || !ts.isConstructorDeclaration(ctor))
          ok = false;
        made = once;
      } else if (ts.isPropertyAccessExpression(p) && ts.isCallExpression(p.parent) && p.parent.expression === p) {
        const args = weakArguments(p.parent, values);
        if (args.length === 0 || !args.every((a) => values.notHoldable(a.expr))) ok = false;
      } else ok = false;
      spelled++;
    }
    ts.forEachChild(n, visit);
  };
  visit(sourceFile);
  const escaped = new RegExp(`(?<![\\w$])${name.replace(/[$]/g, '\\$')}(?![\\w$])`, 'g');
  if (!ok || !made || (sourceFile.text.match(escaped)?.length ?? 0) !== spelled) return undefined;
  const kind = values.constructedKind(made)!;
  const plain = kind === 'WeakMap' ? 'Map' : 'Set';
  const edits = [{ start: made.expression.getStart(sourceFile), end: made.expression.end, newText: plain }];
  if (declType && !(ts.isTypeReferenceNode(declType) && declType.typeName.getText(sourceFile) === kind))
    return undefined;
  if (declType)
    edits.push({
      start: declType.typeName.getStart(sourceFile),
      end: declType.typeName.end,
      newText: plain,
    });
  return ctx.fix('useStrongCollection', edits, { collection: plain, weakCollection: kind });
}

/** Typed mode: the argument's own type is certainly primitive (an absent unregister token is allowed). */
function byType(arg: WeakArgument, ctx: RuleContext): string | undefined {
  if (!ctx.checker) return undefined;
  const found = primitiveByType(ctx.ts, ctx.checker, arg.expr);
  if (!found || (arg.role === 'token' && found.includesUndefined)) return undefined;
  return found.description;
}

export const javascript = javascriptCheck(definition, (ctx) => ({
  call(node) {
    let fix: Fix | undefined | null = null;
    for (const arg of weakArguments(node, ctx.values)) {
      if (arg.role === 'token' && ctx.values.isUndefined(arg.expr)) continue;
      const why = ctx.values.notHoldable(arg.expr) ?? byType(arg, ctx);
      if (!why) continue;
      if (fix === null) fix = arg.kind === 'WeakMap' || arg.kind === 'WeakSet' ? mapFix(node, ctx) : undefined;
      ctx.report({
        ...message(arg, why),
        node: arg.expr,
        severity: arg.role === 'lookup' ? 'warning' : 'error',
        fixes: fix ? [fix] : [],
      });
    }
  },
}));
