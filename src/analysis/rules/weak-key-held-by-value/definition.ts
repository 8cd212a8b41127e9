// weak-key-held-by-value (Python only): a WeakKeyDictionary value that reaches its own key.
import { defineRule } from '../../rule';

export const definition = defineRule({
  id: 'weak-key-held-by-value',
  defaultSeverity: 'warning',
  description:
    'A WeakKeyDictionary value reaches its own key (a bound method of the key, the key itself, a container or closure holding it), so the entry is never removed.',
  lesson: 'observer',
  languages: ['python'],
  messages: {
    valueHoldsKey: {
      languages: ['python'],
      text: 'This WeakKeyDictionary value holds its key ({{ how }}), so the key is never collected and the entry never goes away',
    },
    storedUnderKey: {
      languages: ['python'],
      text: '{{ function }}() stores this value in a WeakKeyDictionary under {{ key }}, and {{ how }}: the key is never collected and the entry never goes away',
    },
  },
  fixes: [],
  suggestions: [],
});
