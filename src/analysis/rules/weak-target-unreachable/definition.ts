// weak-target-unreachable: a fresh value that nothing else holds, held only weakly.
import { defineRule } from '../../rule';

export const definition = defineRule({
  id: 'weak-target-unreachable',
  defaultSeverity: 'warning',
  description:
    'A fresh value that nothing else holds is held only weakly, so it can be collected at the next garbage collection.',
  lesson: 'observer',
  languages: ['javascript', 'python'],
  messages: {
    freshValue: {
      languages: ['javascript'],
      text: '{{ api }} gets {{ value }} that nothing else holds: it can be collected at the next garbage collection',
    },
    freshInstance: {
      languages: ['javascript'],
      text: '{{ api }} gets a new {{ className }} that nothing else holds: it can be collected at the next garbage collection',
    },
    boundFunction: {
      languages: ['javascript'],
      text: "{{ api }} gets a new bound function that nothing else holds: it can be collected at once, even while its object lives; hold the object weakly and call its method (this is what Python's WeakMethod is for)",
    },
    boundMethod: {
      languages: ['python'],
      text: '{{ expression }} makes a new bound method that nothing else holds, so {{ consequence }}',
    },
    boundMethodUseWeakMethod: {
      languages: ['python'],
      text: '{{ expression }} makes a new bound method that nothing else holds, so {{ consequence }}: use weakref.WeakMethod',
    },
    freshObject: {
      languages: ['python'],
      text: '{{ value }} that nothing else holds reaches {{ api }}, so {{ consequence }}: keep a strong reference to it first',
    },
    useWeakMethod: { languages: ['python'], text: 'Use weakref.WeakMethod' },
  },
  fixes: [],
  suggestions: ['useWeakMethod'],
});
