// weak-callable-as-callback: a weakref.ref or WeakMethod handed over as a callback.
import { defineRule } from '../../rule';

export const definition = defineRule({
  id: 'weak-callable-as-callback',
  defaultSeverity: 'warning',
  description:
    'A weakref.ref or WeakMethod is handed over as a callback: calling it only returns its target, so the callback never runs.',
  lesson: 'bugs-that-shipped',
  languages: ['python'],
  messages: {
    returnsTarget: {
      languages: ['python'],
      text: '{{ value }} is a {{ api }} handed to {{ callee }} as a callback: calling it returns its target and does not call it, so nothing runs',
    },
    callWhenAlive: {
      languages: ['python'],
      text: 'Pass {{ name }}, a function that calls the target only while it is alive',
    },
  },
  fixes: [],
  suggestions: ['callWhenAlive'],
});
