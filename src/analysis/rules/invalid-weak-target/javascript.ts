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
 * "Use a Map/Set" fits when the collection is a const made right there with `new WeakMap()` /
 * `new WeakSet()` and every use of it is a method call with a key that cannot be held weakly.
 */
function mapFix(call: TS.Node, ctx: Context): Fix | undefined {
  const { ts, values, scopes } = ctx;
  if (!ts.isCallExpression(call)) return undefined;
  const callee = values.unwrap(call.expression);
  if (!ts.isPropertyAccessExpression(callee) || !ts.isIdentifier(callee.expression)) return undefined;
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
