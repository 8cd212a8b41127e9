// register-holds-target (Python): weakref.finalize(obj, callback, *args, **kwargs) keeps its
// callback and arguments alive, so one that reaches obj keeps obj alive until interpreter exit.
import type { PyContext } from '../context';
import { allArgValues } from '../sites';

export function registerHoldsTarget(ctx: PyContext): void {
  for (const s of ctx.sites) {
    if (s.api !== 'finalize') continue;
    const args = allArgValues(s.site);
    if (args[0] !== s.value) continue;
    args.slice(1).forEach((arg, i) => {
      const how = ctx.model.reaches(arg, s.value, i === 0);
      if (!how) return;
      ctx.report({
        rule: 'register-holds-target',
        messageId: i === 0 ? 'finalizeCallbackReachesTarget' : 'finalizeArgumentReachesTarget',
        data: { api: s.label, how, target: ctx.model.text(s.value) },
        node: arg,
      });
    });
  }
}
