// Where a value reaches a weak API: weakref.ref/proxy/finalize/WeakMethod(x), ws.add(x),
// wkd[k] = v, wvd[k] = v, d.setdefault(k, v). Collected once; the rules read the list.
import type { WeakSite } from './context';
import type { Model } from './model';
import { named, unparen, type PyNode } from './tree';
import { splitBy } from './scope';

/** Positional arguments of a call; undefined when a `*args` could shift them. */
export function positionalArgs(call: PyNode): PyNode[] | undefined {
  const list = call.children.find((c) => c.type === 'ArgList');
  if (!list) return undefined;
  const out: PyNode[] = [];
  for (const g of splitBy(
    list.children.filter((c) => c.type !== '(' && c.type !== ')'),
    ',',
  )) {
    if (g.length === 0) continue;
    if (g[0].type === '*' || g[0].type === '**') return undefined;
    if (g.some((c) => c.type === 'AssignOp')) continue;
    if (g.length === 1) out.push(g[0]);
  }
  return out;
}

/** All argument values, positional and keyword. */
export function allArgValues(call: PyNode): PyNode[] {
  const list = call.children.find((c) => c.type === 'ArgList');
  if (!list) return [];
  const out: PyNode[] = [];
  for (const g of splitBy(
    list.children.filter((c) => c.type !== '(' && c.type !== ')'),
    ',',
  )) {
    const last = g[g.length - 1];
    if (last && last.type !== '*' && last.type !== '**') out.push(last);
  }
  return out;
}

export function collectSites(model: Model, calls: PyNode[], assigns: PyNode[]): WeakSite[] {
  const sites: WeakSite[] = [];
  for (const call of calls) {
    const callee = call.children[0];
    if (!callee) continue;
    const api = model.weakApi(callee);
    if (api === 'ref' || api === 'proxy' || api === 'finalize') {
      const args = positionalArgs(call);
      if (args && args[0]) sites.push({ api, role: 'target', site: call, value: args[0], label: model.text(callee) });
      continue;
    }
    const c = unparen(callee);
    if (c.type !== 'MemberExpression' || !c.children.some((x) => x.type === '.')) continue;
    const [obj, prop] = named(c);
    if (!obj || prop?.type !== 'PropertyName') continue;
    const method = model.text(prop);
    if (method !== 'add' && method !== 'setdefault') continue;
    const kind = model.containerKind(obj);
    const args = positionalArgs(call);
    if (!kind || !args) continue;
    if (kind === 'WeakSet' && method === 'add' && args.length === 1)
      sites.push({ api: kind, role: 'element', site: call, value: args[0], label: 'WeakSet.add' });
    if (method === 'setdefault' && args.length >= 1 && kind !== 'WeakSet') {
      if (kind === 'WeakKeyDictionary')
        sites.push({ api: kind, role: 'key', site: call, value: args[0], label: 'a WeakKeyDictionary key' });
      if (args[1])
        sites.push({
          api: kind,
          role: 'value',
          site: call,
          value: args[1],
          label: kind === 'WeakKeyDictionary' ? 'a WeakKeyDictionary value' : 'a WeakValueDictionary value',
        });
    }
  }
  for (const a of assigns) {
    const groups = splitBy(a.children, 'AssignOp');
    if (groups.length !== 2 || groups[0].length !== 1 || groups[1].length !== 1) continue;
    const sub = subscript(groups[0][0]);
    if (!sub) continue;
    const kind = model.containerKind(sub.container);
    if (kind === 'WeakKeyDictionary') {
      sites.push({ api: kind, role: 'key', site: a, value: sub.key, label: 'a WeakKeyDictionary key' });
      sites.push({ api: kind, role: 'value', site: a, value: groups[1][0], label: 'a WeakKeyDictionary value' });
    } else if (kind === 'WeakValueDictionary') {
      sites.push({ api: kind, role: 'value', site: a, value: groups[1][0], label: 'a WeakValueDictionary value' });
    }
  }
  return sites;
}

/** `container[key]`: the container and the key. */
export function subscript(e: PyNode): { container: PyNode; key: PyNode } | undefined {
  const x = unparen(e);
  if (x.type !== 'MemberExpression' || !x.children.some((c) => c.type === '[')) return undefined;
  const parts = named(x);
  if (parts.length !== 2) return undefined;
  return { container: parts[0], key: parts[1] };
}
