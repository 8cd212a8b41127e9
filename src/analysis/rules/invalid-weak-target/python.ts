// invalid-weak-target (Python): a value CPython refuses to reference weakly reaches a weak API,
// which raises TypeError ("cannot create weak reference to 'list' object").
import { pythonCheck, type PyContext } from '../../python/context';
import type { MessageIdIn } from '../../rule';
import { definition } from './definition';

type Context = PyContext<MessageIdIn<typeof definition, 'python'>>;

function checkModule(ctx: Context): void {
  for (const s of ctx.sites) {
    // A WeakKeyDictionary's values and a WeakValueDictionary's keys are ordinary references.
    if (s.role === 'value' && s.api !== 'WeakValueDictionary') continue;
    const v = ctx.model.value(s.value);
    if (v.kind !== 'unreferenceable') continue;
    const data = { api: s.label, type: v.type };
    if (v.why) ctx.report({ messageId: 'cannotReferenceBecause', data: { ...data, reason: v.why }, node: s.value });
    else ctx.report({ messageId: 'cannotReference', data, node: s.value });
  }
}

export const python = pythonCheck(definition, (ctx) => ({ module: () => checkModule(ctx) }));
