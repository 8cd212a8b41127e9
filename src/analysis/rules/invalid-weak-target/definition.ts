// invalid-weak-target: a value that can never be held weakly reaches a weak API.
import { defineRule } from '../../rule';

export const definition = defineRule({
  id: 'invalid-weak-target',
  defaultSeverity: 'error',
  description:
    'A value that can never be held weakly reaches a weak API: it throws a TypeError, or a lookup always misses.',
  lesson: 'pitfall-targets',
  languages: ['javascript', 'python'],
  messages: {
    cannotBeHeld: {
      languages: ['javascript'],
      text: '{{ api }} throws a TypeError here: {{ value }} cannot be held weakly (only objects and non-registered symbols can)',
    },
    tokenCannotBeHeld: {
      languages: ['javascript'],
      text: '{{ api }} throws a TypeError here: the unregister token is {{ value }}, which cannot be held weakly',
    },
    neverAKey: {
      languages: ['javascript'],
      text: '{{ api }} always {{ result }} here: {{ value }} can never be a WeakMap key',
    },
    neverAMember: {
      languages: ['javascript'],
      text: '{{ api }} always {{ result }} here: {{ value }} can never be in a WeakSet',
    },
    cannotReference: {
      languages: ['python'],
      text: "{{ api }} raises TypeError here: cannot create weak reference to '{{ type }}' object",
    },
    cannotReferenceBecause: {
      languages: ['python'],
      text: "{{ api }} raises TypeError here: cannot create weak reference to '{{ type }}' object ({{ reason }})",
    },
    useStrongCollection: {
      languages: ['javascript'],
      text: 'Use a {{ collection }}: this {{ weakCollection }} only ever sees primitive keys',
    },
  },
  fixes: [],
  suggestions: ['useStrongCollection'],
});
