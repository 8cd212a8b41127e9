// weak-target-unreachable (Python): a bound method or a fresh object that nothing else holds is
// held only weakly, so it is gone at once: `weakref.ref(obj.method)` is dead on arrival.
import { pythonCheck, type PyContext, type WeakSite } from '../../python/context';
import type { Fix } from '../../types';
import { named, unparen } from '../../python/tree';
import type { MessageIdIn } from '../../rule';
import { definition } from './definition';

type Context = PyContext<MessageIdIn<typeof definition, 'python'>>;

function weakMethodFix(s: WeakSite, ctx: Context): Fix | undefined {
  if (s.api !== 'ref') return undefined;
  const callee = unparen(s.site.children[0]);
  if (callee.type === 'MemberExpression') {
    const prop = named(callee)[1];
    return ctx.fix('useWeakMethod', [{ start: prop.from, end: prop.to, newText: 'WeakMethod' }]);
  }
  // `ref(...)` imported by name: spell WeakMethod as the file already names it, through
  // `from weakref import WeakMethod` or a module import, when that name reaches the call unshadowed.
  const scope = ctx.scopes.scopeOf(callee);
  for (const [name, bindings] of ctx.scopes.module.bindings) {
    const only = bindings.length === 1 ? bindings[0] : undefined;
    const seen = ctx.scopes.resolveName(name, scope);
    if (
      only?.kind === 'import-from' &&
      only.module === 'weakref' &&
      only.imported === 'WeakMethod' &&
      seen !== 'builtin' &&
      seen?.scope === ctx.scopes.module
    )
      return ctx.fix('useWeakMethod', [{ start: callee.from, end: callee.to, newText: name }]);
  }
  for (const [name, bindings] of ctx.scopes.module.bindings) {
    if (
      bindings.length === 1 &&
      bindings[0].kind === 'import-module' &&
      bindings[0].module === 'weakref' &&
      ctx.scopes.resolveName(name, ctx.scopes.scopeOf(callee)) !== 'builtin'
    ) {
      return ctx.fix('useWeakMethod', [{ start: callee.from, end: callee.to, newText: `${name}.WeakMethod` }]);
    }
  }
  return undefined;
}

function checkModule(ctx: Context): void {
  for (const s of ctx.sites) {
    if (s.role === 'value' && s.api !== 'WeakValueDictionary') continue;
    const v = ctx.model.value(s.value);
    const consequence =
      s.api === 'finalize'
        ? 'the finalizer runs at once'
        : s.role === 'target'
          ? 'the reference is dead at once'
          : 'the entry disappears at once';
    if (v.kind === 'bound-method') {
      const fix = weakMethodFix(s, ctx);
      ctx.report({
        messageId: s.api === 'ref' ? 'boundMethodUseWeakMethod' : 'boundMethod',
        data: { expression: ctx.model.text(s.value), consequence },
        node: s.value,
        fixes: fix ? [fix] : [],
      });
    } else if (v.kind === 'fresh') {
      ctx.report({
        messageId: 'freshObject',
        data: { value: v.what, api: s.label, consequence },
        node: s.value,
      });
    }
  }
}

export const python = pythonCheck(definition, (ctx) => ({ module: () => checkModule(ctx) }));
