// Where a value reaches a weak API, and in which role. Three rules read the same sites.
import type * as TS from 'typescript';
import { typescript } from './tsLoader';
import type { Values, WeakKind } from './values';

/** held: kept weakly (throws if it cannot be); token: an unregister token (throws); lookup: get/has/delete (misses). */
export type SiteRole = 'held' | 'token' | 'lookup';

export interface WeakArgument {
  expr: TS.Expression;
  role: SiteRole;
  /** How the user wrote the API, for messages: "new WeakRef()", "WeakMap#set", … */
  api: string;
  kind: WeakKind;
  method?: string;
}

export interface RegisterCall {
  call: TS.CallExpression;
  receiver: TS.Expression;
  target: TS.Expression;
  held?: TS.Expression;
}

/**
 * The arguments of a call or `new` that reach a weak API. Three rules ask, so the answer is
 * memoized, but only for one analysis (in `values`): an incremental reparse reuses the nodes of
 * unchanged statements, and what they mean can change with an edit elsewhere.
 */
export function weakArguments(node: TS.Node, values: Values): WeakArgument[] {
  let found = values.weakArgumentsByNode.get(node);
  if (!found) {
    found = computeWeakArguments(node, values);
    values.weakArgumentsByNode.set(node, found);
  }
  return found;
}

function computeWeakArguments(node: TS.Node, values: Values): WeakArgument[] {
  const ts = typescript();
  const out: WeakArgument[] = [];
  const made = ts.isNewExpression(node) || ts.isCallExpression(node) ? values.construction(node) : undefined;
  if (made) {
    const { kind } = made;
    const args = made.args ?? [];
    if (kind === 'WeakRef' && args[0] && !ts.isSpreadElement(args[0]))
      out.push({ expr: args[0], role: 'held', api: 'new WeakRef()', kind });
    const list = args[0] && values.unwrap(args[0]);
    if (list && ts.isArrayLiteralExpression(list)) {
      for (const el of list.elements) {
        if (ts.isSpreadElement(el) || ts.isOmittedExpression(el)) continue;
        if (kind === 'WeakSet') out.push({ expr: el, role: 'held', api: 'new WeakSet([…])', kind });
        if (kind === 'WeakMap') {
          const pair = values.unwrap(el);
          if (
            ts.isArrayLiteralExpression(pair) &&
            pair.elements[0] &&
            !ts.isSpreadElement(pair.elements[0]) &&
            !ts.isOmittedExpression(pair.elements[0])
          ) {
            out.push({ expr: pair.elements[0], role: 'held', api: 'new WeakMap([[key, value]])', kind });
          }
        }
      }
    }
    return out;
  }
  if (!ts.isCallExpression(node)) return out;
  const callee = values.unwrap(node.expression);
  if (!ts.isPropertyAccessExpression(callee) || !ts.isIdentifier(callee.name)) return out;
  const method = callee.name.text;
  const [a0, a1, a2] = node.arguments;
  if (!a0 || ts.isSpreadElement(a0)) return out;
  const relevant: Record<string, readonly string[]> = {
    WeakSet: ['add', 'has', 'delete'],
    WeakMap: ['set', 'get', 'has', 'delete'],
    FinalizationRegistry: ['register', 'unregister'],
  };
  if (!Object.values(relevant).some((ms) => ms.includes(method))) return out;
  const kind = values.weakKindOf(callee.expression);
  if (!kind || !relevant[kind]?.includes(method)) return out;
  const api = `${kind}#${method}`;
  if (kind === 'WeakSet') out.push({ expr: a0, role: method === 'add' ? 'held' : 'lookup', api, kind, method });
  else if (kind === 'WeakMap') out.push({ expr: a0, role: method === 'set' ? 'held' : 'lookup', api, kind, method });
  else if (method === 'unregister') out.push({ expr: a0, role: 'token', api, kind, method });
  else {
    out.push({ expr: a0, role: 'held', api, kind, method });
    if (a2 && !ts.isSpreadElement(a2) && !(a1 && ts.isSpreadElement(a1)))
      out.push({ expr: a2, role: 'token', api, kind, method });
  }
  return out;
}

export function registerCall(node: TS.Node, values: Values): RegisterCall | undefined {
  const ts = typescript();
  if (!ts.isCallExpression(node)) return undefined;
  const callee = values.unwrap(node.expression);
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'register') return undefined;
  const [target, held] = node.arguments;
  if (!target || ts.isSpreadElement(target) || (held && ts.isSpreadElement(held))) return undefined;
  if (values.weakKindOf(callee.expression) !== 'FinalizationRegistry') return undefined;
  return { call: node, receiver: callee.expression, target, held };
}

/** `x.deref()`: the call whose result a rule about dead targets follows (any receiver; `?.` included). */
export function isDerefCall(
  ts: typeof TS,
  e: TS.Node,
): e is TS.CallExpression & { expression: TS.PropertyAccessExpression } {
  return (
    ts.isCallExpression(e) &&
    e.arguments.length === 0 &&
    ts.isPropertyAccessExpression(e.expression) &&
    e.expression.name.text === 'deref'
  );
}
