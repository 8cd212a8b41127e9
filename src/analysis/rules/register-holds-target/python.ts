// register-holds-target (Python): weakref.finalize(obj, callback, *args, **kwargs) keeps its
// callback and arguments alive, so one that reaches obj keeps obj alive until interpreter exit.
import { pythonCheck, type PyContext } from '../../python/context';
import { allArgValues } from '../../python/sites';
import type { MessageIdIn } from '../../rule';
import { definition } from './definition';

type Context = PyContext<MessageIdIn<typeof definition, 'python'>>;

function checkModule(ctx: Context): void {
  for (const s of ctx.sites) {
    if (s.api !== 'finalize') continue;
    const args = allArgValues(s.site);
    if (args[0] !== s.value) continue;
    args.slice(1).forEach((arg, i) => {
      const how = ctx.model.reaches(arg, s.value, i === 0);
      if (!how) return;
      ctx.report({
        messageId: i === 0 ? 'finalizeCallbackReachesTarget' : 'finalizeArgumentReachesTarget',
        data: { api: s.label, how, target: ctx.model.text(s.value) },
        node: arg,
      });
    });
  }
}

export const python = pythonCheck(definition, (ctx) => ({ module: () => checkModule(ctx) }));
