// weak-target-unreachable: a fresh value that nothing else holds, held only weakly.
import type { Rule } from '../context';
import { weakArguments } from '../sites';
import type { FreshValue } from '../values';

const FRESH_WORDS: Record<Exclude<FreshValue['kind'], 'instance' | 'bound-function'>, string> = {
  'object-literal': 'an object literal',
  'array-literal': 'an array literal',
  'function-expression': 'a function expression',
  'class-expression': 'a class expression',
  'regexp-literal': 'a regular expression literal',
};

export const weakTargetUnreachable: Rule = {
  id: 'weak-target-unreachable',
  check(node, ctx) {
    for (const arg of weakArguments(node, ctx.values)) {
      if (arg.role !== 'held') continue;
      const fresh = ctx.values.freshValue(arg.expr);
      if (!fresh) continue;
      const rule = 'weak-target-unreachable';
      const api = arg.api;
      if (fresh.kind === 'bound-function')
        ctx.report({ rule, messageId: 'boundFunction', data: { api }, node: arg.expr });
      else if (fresh.kind === 'instance')
        ctx.report({ rule, messageId: 'freshInstance', data: { api, className: fresh.className }, node: arg.expr });
      else ctx.report({ rule, messageId: 'freshValue', data: { api, value: FRESH_WORDS[fresh.kind] }, node: arg.expr });
    }
  },
};
