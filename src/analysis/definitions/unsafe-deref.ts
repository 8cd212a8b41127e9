// unsafe-deref: the result of WeakRef#deref() (Python: calling a weakref.ref) used without a check.
import { defineRule } from './ruleDefinition';

export const unsafeDeref = defineRule({
  id: 'unsafe-deref',
  defaultSeverity: 'warning',
  description: 'The result of WeakRef#deref() is used in a way that throws once the target has been collected.',
  lesson: 'pitfall-dead-refs',
  languages: ['javascript', 'python'],
  messages: {
    throws: '{{ value }} is undefined once the target has been collected, and {{ use }} then throws a TypeError',
    nonNull: '{{ value }}! hides that deref() returns undefined once the target has been collected',
    cast: 'casting {{ value }} to a type without undefined hides that deref() returns undefined once the target has been collected',
    checkedBeforeAwait:
      '{{ call }} was checked before an await or yield, but the target can be collected while waiting (deref() results are only kept alive until the job ends): this deref() can return undefined',
    resultUnchecked:
      '{{ ref }}() returns None once the target has been collected, and the code has {{ use }} the result without a None check',
    variableUnchecked:
      '{{ name }} comes from {{ ref }}(), which returns None once the target has been collected, and the code has {{ use }} it without a None check',
    optionalChain: 'Use optional chaining (?.)',
    readOnce: 'Read deref() once into a const and check it',
    returnEarly: 'Return early when {{ name }} is None',
  },
  fixes: ['optionalChain'],
  suggestions: ['readOnce', 'returnEarly'],
});
