// invalid-weak-target (Python): a value CPython refuses to reference weakly reaches a weak API,
// which raises TypeError ("cannot create weak reference to 'list' object").
import type { PyContext } from '../context';

export function invalidWeakTarget(ctx: PyContext): void {
  for (const s of ctx.sites) {
    // A WeakKeyDictionary's values and a WeakValueDictionary's keys are ordinary references.
    if (s.role === 'value' && s.api !== 'WeakValueDictionary') continue;
    const v = ctx.model.value(s.value);
    if (v.kind !== 'unreferenceable') continue;
    const why = v.why ? ` (${v.why})` : '';
    ctx.report({
      rule: 'invalid-weak-target',
      node: s.value,
      message: `${s.label} raises TypeError here: cannot create weak reference to '${v.type}' object${why}`,
    });
  }
}
