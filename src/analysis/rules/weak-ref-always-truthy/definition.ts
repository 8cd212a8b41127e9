// weak-ref-always-truthy: a weak reference object tested where its target was meant.
import { defineRule } from '../../rule';

export const definition = defineRule({
  id: 'weak-ref-always-truthy',
  defaultSeverity: 'warning',
  description:
    'A WeakRef (Python: a weakref.ref or WeakMethod) is tested instead of its target: the reference is always truthy, even after its target has been collected.',
  lesson: 'bugs-that-shipped',
  languages: ['javascript', 'python'],
  messages: {
    alwaysTruthy: {
      languages: ['javascript'],
      text: '{{ name }} is a WeakRef, an object, so it is always truthy, even after its target has been collected: test {{ name }}.deref() instead',
    },
    neverNullish: {
      languages: ['javascript'],
      text: '{{ name }} is a WeakRef and never {{ value }}, so this comparison is always {{ result }}, even after its target has been collected: compare {{ name }}.deref() instead',
    },
    alwaysTrue: {
      languages: ['python'],
      text: '{{ name }} is a {{ api }}, which has no __bool__, so it is always true, even after its target has been collected: test {{ name }}() is not None instead',
    },
    neverNone: {
      languages: ['python'],
      text: '{{ name }} is a {{ api }} and never None, so this comparison is always {{ result }}, even after its target has been collected: compare {{ name }}() instead',
    },
    testTarget: { languages: ['javascript', 'python'], text: 'Test the target: {{ replacement }}' },
    readOnce: { languages: ['javascript'], text: 'Read {{ name }}.deref() once into a const and test that' },
  },
  fixes: ['testTarget'],
  suggestions: ['readOnce'],
});
