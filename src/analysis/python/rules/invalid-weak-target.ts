// invalid-weak-target (Python): a value CPython refuses to reference weakly reaches a weak API,
// which raises TypeError ("cannot create weak reference to 'list' object").
import type { PyContext } from '../context';

export function invalidWeakTarget(ctx: PyContext): void {
  for (const s of ctx.sites) {
    // A WeakKeyDictionary's values and a WeakValueDictionary's keys are ordinary references.
    if (s.role === 'value' && s.api !== 'WeakValueDictionary') continue;
    const v = ctx.model.value(s.value);
    if (v.kind !== 'unreferenceable') continue;
    const rule = 'invalid-weak-target';
    const data = { api: s.label, type: v.type };
    if (v.why)
      ctx.report({ rule, messageId: 'cannotReferenceBecause', data: { ...data, reason: v.why }, node: s.value });
    else ctx.report({ rule, messageId: 'cannotReference', data, node: s.value });
  }
}
