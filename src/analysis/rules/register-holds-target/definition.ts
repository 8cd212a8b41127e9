// register-holds-target: a FinalizationRegistry (Python: weakref.finalize) that holds its own target.
import { defineRule } from '../../rule';

export const definition = defineRule({
  id: 'register-holds-target',
  defaultSeverity: 'error',
  description:
    'A FinalizationRegistry held value (or its callback) reaches the target, so the target is never collected.',
  lesson: 'callback-on-collect',
  languages: ['javascript', 'python'],
  messages: {
    heldIsTarget: {
      languages: ['javascript'],
      text: 'register(target, held) throws a TypeError: the held value is the target itself',
    },
    heldReachesTarget: {
      languages: ['javascript'],
      text: 'The held value refers to the target, and a registry holds its held values strongly: the target is never collected and the cleanup never runs',
    },
    callbackReachesTarget: {
      languages: ['javascript'],
      text: "This registry's cleanup callback refers to {{ target }}, which keeps the target alive: it is never collected and the callback never runs",
    },
    finalizeCallbackReachesTarget: {
      languages: ['python'],
      text: '{{ api }} holds its callback strongly, and {{ how }}: {{ target }} is never collected, so the finalizer runs only at interpreter exit',
    },
    finalizeArgumentReachesTarget: {
      languages: ['python'],
      text: '{{ api }} holds its arguments strongly, and {{ how }}: {{ target }} is never collected, so the finalizer runs only at interpreter exit',
    },
  },
  fixes: [],
  suggestions: [],
});
