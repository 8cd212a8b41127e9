// weak-target-unreachable: a fresh value that nothing else holds, held only weakly.
import type { Rule } from '../context';
import { weakArguments } from '../sites';

export const weakTargetUnreachable: Rule = {
  id: 'weak-target-unreachable',
  check(node, ctx) {
    for (const arg of weakArguments(node, ctx.values)) {
      if (arg.role !== 'held') continue;
      const fresh = ctx.values.freshValue(arg.expr);
      if (!fresh) continue;
      const bound = fresh.startsWith('a bound function');
      ctx.report({
        rule: 'weak-target-unreachable',
        node: arg.expr,
        message: bound
          ? `${arg.api} gets a new bound function that nothing else holds: it can be collected at once, even while its object lives; hold the object weakly and call its method (this is what Python's WeakMethod is for)`
          : `${arg.api} gets ${fresh} that nothing else holds: it can be collected at the next garbage collection`,
      });
    }
  },
};
