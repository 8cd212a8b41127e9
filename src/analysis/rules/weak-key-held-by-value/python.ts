// weak-key-held-by-value (Python only): a WeakKeyDictionary is not an ephemeron. A value that
// reaches its key (the key itself, a bound method of it, a container or closure holding it)
// keeps the key alive, so the entry never goes away. Found directly (`d[o] = o.handler`,
// `d[o].append(o.handler)`) and through a function that stores its arguments
// (`def subscribe(self, observer, callback): self._d[observer].append(callback)` called as
// `subscribe(p, p.on_event)`: the tutorial's observer).
import { pythonCheck, type PyContext } from '../../python/context';
import type { ClassInfo } from '../../python/model';
import { allArgValues, positionalArgs, subscript } from '../../python/sites';
import { named, unparen, type PyNode } from '../../python/tree';
import type { MessageIdIn } from '../../rule';
import { definition } from './definition';

type Context = PyContext<MessageIdIn<typeof definition, 'python'>>;

const APPENDERS = new Set(['append', 'add', 'extend', 'insert', 'appendleft']);

/** A store into a WeakKeyDictionary entry: key expression and the value expressions put there. */
interface Store {
  key: PyNode;
  values: PyNode[];
  node: PyNode;
}

function stores(ctx: PyContext): Store[] {
  const out: Store[] = [];
  for (const s of ctx.sites) {
    if (s.api !== 'WeakKeyDictionary' || s.role !== 'value') continue;
    const key = ctx.sites.find((k) => k.site === s.site && k.role === 'key');
    if (key) out.push({ key: key.value, values: [s.value], node: s.site });
  }
  // d[k].append(v), d.setdefault(k, []).append(v)
  for (const call of ctx.calls) {
    const callee = unparen(call.children[0]);
    if (callee?.type !== 'MemberExpression' || !callee.children.some((c) => c.type === '.')) continue;
    const [holder, prop] = named(callee);
    if (!holder || !APPENDERS.has(ctx.model.text(prop))) continue;
    let key: PyNode | undefined;
    const sub = subscript(holder);
    if (sub && ctx.model.containerKind(sub.container) === 'WeakKeyDictionary') key = sub.key;
    const h = unparen(holder);
    if (!key && h.type === 'CallExpression') {
      const inner = unparen(h.children[0]);
      const [container, method] = inner.type === 'MemberExpression' ? named(inner) : [];
      if (
        container &&
        method &&
        ctx.model.text(method) === 'setdefault' &&
        ctx.model.containerKind(container) === 'WeakKeyDictionary'
      )
        key = positionalArgs(h)?.[0];
    }
    if (key) out.push({ key, values: allArgValues(call), node: call });
  }
  return out;
}

/** A function whose parameter `value` is stored in a WeakKeyDictionary under parameter `key`. */
interface Summary {
  fn: PyNode;
  key: number;
  value: number;
  /** Parameters the caller does not pass (`self` of a method). */
  offset: number;
}

function paramIndex(ctx: PyContext, fn: PyNode, name: PyNode): number {
  const b = ctx.scopes.single(unparen(name));
  if (b?.kind !== 'param' || b.node.parent?.parent !== fn) return -1;
  const params = fn.children.find((c) => c.type === 'ParamList')!;
  const names = params.children.filter((c, i, all) => c.type === 'VariableName' && all[i - 1]?.type !== 'AssignOp');
  // `*args`/`**kwargs` and keyword-only parameters: only plain leading positionals are mapped.
  if (params.children.some((c) => c.type === '*' || c.type === '**' || c.type === '/')) {
    const star = params.children.findIndex((c) => c.type === '*' || c.type === '**' || c.type === '/');
    if (params.children.indexOf(b.node) > star) return -1;
  }
  return names.indexOf(b.node);
}

function summaries(ctx: PyContext, all: Store[]): Summary[] {
  const out: Summary[] = [];
  for (const st of all) {
    let fn: PyNode | undefined = st.node.parent;
    while (fn && fn.type !== 'FunctionDefinition' && fn.type !== 'LambdaExpression' && fn.type !== 'ClassDefinition')
      fn = fn.parent;
    if (fn?.type !== 'FunctionDefinition') continue;
    const key = paramIndex(ctx, fn, st.key);
    if (key < 0) continue;
    for (const v of st.values) {
      const value = paramIndex(ctx, fn, v);
      if (value >= 0 && value !== key) {
        const holder: PyNode = fn.parent?.type === 'DecoratedStatement' ? fn.parent : fn;
        const inClass = holder.parent?.type === 'Body' && holder.parent.parent?.type === 'ClassDefinition';
        if (holder !== fn) continue; // decorated: the call may not reach this function as written
        out.push({ fn, key, value, offset: inClass ? 1 : 0 });
      }
    }
  }
  return out;
}

function calledFunction(ctx: PyContext, call: PyNode): PyNode | undefined {
  const callee = unparen(call.children[0]);
  if (callee?.type === 'VariableName') {
    const b = ctx.scopes.single(callee);
    return b?.kind === 'def' ? b.value : undefined;
  }
  if (callee?.type === 'MemberExpression' && callee.children.some((c) => c.type === '.')) {
    const [obj, prop] = named(callee);
    const cls: ClassInfo | undefined = obj ? ctx.model.instanceClass(obj) : undefined;
    if (!cls || !prop) return undefined;
    const m = ctx.model.lookupMethod(cls, ctx.model.text(prop));
    return m && m !== 'unknown' && m.decorators.length === 0 ? m.node : undefined;
  }
  return undefined;
}

function fnName(ctx: PyContext, fn: PyNode): string {
  const n = fn.children.find((c) => c.type === 'VariableName');
  return n ? ctx.model.text(n) : 'the function';
}

function checkModule(ctx: Context): void {
  const all = stores(ctx);
  for (const st of all) {
    for (const v of st.values) {
      const how = ctx.model.reaches(v, st.key, false);
      if (how) {
        ctx.report({
          messageId: 'valueHoldsKey',
          data: { how },
          node: v,
        });
      }
    }
  }
  const sums = summaries(ctx, all);
  if (sums.length === 0) return;
  for (const call of ctx.calls) {
    const fn = calledFunction(ctx, call);
    if (!fn) continue;
    const args = positionalArgs(call);
    if (!args) continue;
    for (const s of sums) {
      if (s.fn !== fn) continue;
      const keyArg = args[s.key - s.offset];
      const valueArg = args[s.value - s.offset];
      if (!keyArg || !valueArg) continue;
      const how = ctx.model.reaches(valueArg, keyArg, false);
      if (!how) continue;
      ctx.report({
        messageId: 'storedUnderKey',
        data: { function: fnName(ctx, fn), key: ctx.model.text(keyArg), how },
        node: valueArg,
      });
    }
  }
}

export const python = pythonCheck(definition, (ctx) => ({ module: () => checkModule(ctx) }));
