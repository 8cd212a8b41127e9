// cleanup-removes-live-entry (Python): weakref.finalize removing a dict's entry by key
// (`finalize(obj, d.pop, key)`, `d.__delitem__`, a lambda calling `d.pop(key)`, or a same-file
// function doing `del d[key]` / `d.pop(key)` unguarded), where the same file stores weakref.ref
// values in that dict. A finalizer outlives the entry: if the key is set again while obj lives,
// it removes the new entry. A weakref.ref callback is not reported: a replaced entry drops its
// ref, and a dead ref's callback never runs.
import { pythonCheck, type PyContext } from '../../python/context';
import { positionalArgs, subscript } from '../../python/sites';
import { named, unparen, walk, type PyNode } from '../../python/tree';
import type { MessageIdIn } from '../../rule';
import type { Fix } from '../../types';
import { definition } from './definition';

type Context = PyContext<MessageIdIn<typeof definition, 'python'>>;

interface Removal {
  /** Where to report: the callable handed to finalize. */
  node: PyNode;
  map: PyNode;
  key: PyNode | undefined;
  /** The `del` / `pop` statement, when the removal is one in a same-file function's body. */
  stmt?: PyNode;
}

/** `d.pop` / `d.__delitem__`: the dict. */
function removingMethod(ctx: PyContext, e: PyNode): PyNode | undefined {
  const x = unparen(e);
  if (x.type !== 'MemberExpression' || !x.children.some((c) => c.type === '.')) return undefined;
  const [obj, prop] = named(x);
  const method = prop && ctx.model.text(prop);
  return method === 'pop' || method === '__delitem__' ? obj : undefined;
}

/** `d.pop(key, …)` as a call: the dict and the key. */
function popCall(ctx: PyContext, e: PyNode): { map: PyNode; key: PyNode | undefined } | undefined {
  const x = unparen(e);
  if (x.type !== 'CallExpression') return undefined;
  const map = removingMethod(ctx, x.children[0]);
  return map ? { map, key: positionalArgs(x)?.[0] } : undefined;
}

/** The removals a same-file function makes directly in its body (not under an if, try or loop). */
function removalsInDef(ctx: PyContext, def: PyNode, node: PyNode): Removal[] {
  const body = def.children.find((c) => c.type === 'Body');
  if (!body) return [];
  const out: Removal[] = [];
  for (const stmt of body.children) {
    if (stmt.type === 'DeleteStatement') {
      for (const t of named(stmt)) {
        const sub = subscript(t);
        if (sub) out.push({ node, map: sub.container, key: sub.key, stmt });
      }
    } else if (stmt.type === 'ExpressionStatement') {
      const pop = popCall(ctx, named(stmt)[0] ?? stmt);
      if (pop) out.push({ node, ...pop, stmt });
    }
  }
  return out;
}

function removalsOf(ctx: PyContext, call: PyNode): Removal[] {
  const args = positionalArgs(call);
  const func = args?.[1];
  if (!args || !func) return [];
  const f = unparen(func);
  const map = removingMethod(ctx, f);
  if (map) return [{ node: func, map, key: args[2] }];
  if (f.type === 'LambdaExpression') {
    const body = named(f).at(-1);
    const pop = body && popCall(ctx, body);
    return pop ? [{ node: func, ...pop }] : [];
  }
  if (f.type === 'VariableName') {
    const r = ctx.scopes.resolve(f);
    if (!r || r === 'builtin' || r.bindings.length !== 1 || r.bindings[0].kind !== 'def') return [];
    const def = r.bindings[0].value;
    return def ? removalsInDef(ctx, def, func) : [];
  }
  return [];
}

/** A key no other entry can share: a uuid, or the next value of a counter. */
function isUniqueKey(ctx: PyContext, key: PyNode): boolean {
  return /\buuid\d?\s*\(|\bnext\s*\(/.test(ctx.model.text(key));
}

/** The dicts (by text) the file stores weakref.ref values in, and those with a unique key at some store. */
function collectStores(ctx: PyContext): { weak: Set<string>; unique: Set<string> } {
  const weak = new Set<string>();
  const unique = new Set<string>();
  walk(ctx.root, (n) => {
    if (n.type !== 'AssignStatement' || n.children.length !== 3) return;
    const sub = subscript(n.children[0]);
    if (!sub) return;
    const value = unparen(n.children[2]);
    const api = value.type === 'CallExpression' ? ctx.model.calledApi(value) : undefined;
    if (api !== 'ref' && api !== 'WeakMethod') return;
    const text = ctx.model.text(sub.container);
    weak.add(text);
    if (isUniqueKey(ctx, sub.key)) unique.add(text);
  });
  return { weak, unique };
}

/** Names and attribute chains: read twice more by the check, they must not run anything. */
const PLAIN = /^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$/;

/**
 * `if key in d and d[key]() is None:` around a one-line `del d[key]` / `d.pop(key)` in the
 * finalizer's body: the stored values are weakref.ref objects, so only a dead entry's ref returns None.
 */
function checkEntryFix(ctx: Context, r: Removal): Fix | undefined {
  const { stmt, key } = r;
  if (!stmt || !key) return undefined;
  if (stmt.type === 'DeleteStatement' && named(stmt).length !== 1) return undefined;
  const m = ctx.model.text(r.map);
  const k = ctx.model.text(key);
  if (!PLAIN.test(m) || !PLAIN.test(k)) return undefined;
  const body = ctx.model.text(stmt).trimEnd();
  const lineStart = ctx.text.lastIndexOf('\n', stmt.from - 1) + 1;
  const indent = ctx.text.slice(lineStart, stmt.from);
  const lineEnd = ctx.text.indexOf('\n', stmt.from);
  const rest = ctx.text.slice(stmt.from + body.length, lineEnd < 0 ? ctx.text.length : lineEnd);
  // Alone on its line (no `;` after it, no one-line def): only then is the indented copy the same code.
  if (!/^[ \t]*$/.test(indent) || !/^[ \t]*(#.*)?$/.test(rest) || body.includes('\n')) return undefined;
  const unit = indent.includes('\t') ? '\t' : '    ';
  return ctx.fix('checkEntry', [
    {
      start: stmt.from,
      end: stmt.from + body.length,
      newText: `if ${k} in ${m} and ${m}[${k}]() is None:\n${indent}${unit}${body}`,
    },
  ]);
}

function checkModule(ctx: Context): void {
  let stores: ReturnType<typeof collectStores> | undefined;
  for (const call of ctx.calls) {
    if (ctx.model.calledApi(call) !== 'finalize') continue;
    for (const r of removalsOf(ctx, call)) {
      if (!r.key) continue;
      if (ctx.model.containerKind(r.map) === 'WeakValueDictionary') continue;
      stores ??= collectStores(ctx);
      const map = ctx.model.text(r.map);
      if (!stores.weak.has(map) || stores.unique.has(map) || isUniqueKey(ctx, r.key)) continue;
      const fix = checkEntryFix(ctx, r);
      ctx.report({
        node: r.node,
        messageId: 'finalizeDeletesByKey',
        data: { map, key: ctx.model.text(r.key) },
        fixes: fix ? [fix] : [],
      });
    }
  }
}

export const python = pythonCheck(definition, (ctx) => ({ module: () => checkModule(ctx) }));
