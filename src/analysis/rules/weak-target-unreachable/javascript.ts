// weak-target-unreachable: a fresh value that nothing else holds, held only weakly.
import { javascriptCheck } from '../../javascript/context';
import { weakArguments } from '../../javascript/sites';
import type { FreshValue } from '../../javascript/values';
import { definition } from './definition';

const FRESH_WORDS: Record<Exclude<FreshValue['kind'], 'instance' | 'bound-function'>, string> = {
  'object-literal': 'an object literal',
  'array-literal': 'an array literal',
  'function-expression': 'a function expression',
  'class-expression': 'a class expression',
  'regexp-literal': 'a regular expression literal',
};

export const javascript = javascriptCheck(definition, (ctx) => ({
  call(node) {
    for (const arg of weakArguments(node, ctx.values)) {
      if (arg.role !== 'held') continue;
      const fresh = ctx.values.freshValue(arg.expr);
      if (!fresh) continue;
      const api = arg.api;
      if (fresh.kind === 'bound-function') ctx.report({ messageId: 'boundFunction', data: { api }, node: arg.expr });
      else if (fresh.kind === 'instance')
        ctx.report({ messageId: 'freshInstance', data: { api, className: fresh.className }, node: arg.expr });
      else ctx.report({ messageId: 'freshValue', data: { api, value: FRESH_WORDS[fresh.kind] }, node: arg.expr });
    }
  },
}));
