// unsafe-deref: the result of WeakRef#deref() (Python: calling a weakref.ref) used without a check.
import { defineRule } from '../../rule';

export const definition = defineRule({
  id: 'unsafe-deref',
  defaultSeverity: 'warning',
  description: 'The result of WeakRef#deref() is used in a way that throws once the target has been collected.',
  lesson: 'pitfall-dead-refs',
  languages: ['javascript', 'python'],
  messages: {
    throws: {
      languages: ['javascript'],
      text: '{{ value }} is undefined once the target has been collected, and {{ use }} then throws a TypeError',
    },
    nonNull: {
      languages: ['javascript'],
      text: '{{ value }}! hides that deref() returns undefined once the target has been collected',
    },
    cast: {
      languages: ['javascript'],
      text: 'casting {{ value }} to a type without undefined hides that deref() returns undefined once the target has been collected',
    },
    checkedBeforeAwait: {
      languages: ['javascript'],
      text: '{{ call }} was checked before an await or yield, but the target can be collected while waiting (deref() results are only kept alive until the job ends): this deref() can return undefined',
    },
    resultUnchecked: {
      languages: ['python'],
      text: '{{ ref }}() returns None once the target has been collected, and the code has {{ use }} the result without a None check',
    },
    calledAgain: {
      languages: ['python'],
      text: '{{ ref }}() is called again after its check, and the result is {{ use }}: the target can be collected between the two calls (another thread, or a collection an allocation triggers), so call it once into a variable and check that',
    },
    variableUnchecked: {
      languages: ['python'],
      text: '{{ name }} comes from {{ ref }}(), which returns None once the target has been collected, and the code has {{ use }} it without a None check',
    },
    optionalChain: { languages: ['javascript'], text: 'Use optional chaining (?.)' },
    readOnce: { languages: ['javascript'], text: 'Read deref() once into a const and check it' },
    returnEarly: { languages: ['python'], text: 'Return early when {{ name }} is None' },
    callOnce: { languages: ['python'], text: 'Call {{ ref }}() once and check the result for None' },
  },
  fixes: ['optionalChain'],
  suggestions: ['readOnce', 'returnEarly', 'callOnce'],
});
