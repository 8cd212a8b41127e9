// cleanup-removes-live-entry: a finalization cleanup deletes a weak-value map's entry by key
// without reading it again, so it can delete a live replacement stored under the same key.
import { defineRule } from '../../rule';

export const definition = defineRule({
  id: 'cleanup-removes-live-entry',
  defaultSeverity: 'warning',
  description:
    "A cleanup deletes a weak-value map's entry by key without checking that the entry is still the collected one, so it can delete a live entry stored later under the same key.",
  lesson: 'bugs-that-shipped',
  languages: ['javascript', 'python'],
  messages: {
    deletesByKey: {
      languages: ['javascript'],
      text: "this cleanup deletes {{ map }}'s entry for {{ key }} without reading it again: if the key was set again while the old target was still alive, it deletes the live entry",
    },
    finalizeDeletesByKey: {
      languages: ['python'],
      text: "this finalizer removes {{ map }}'s entry for {{ key }} without reading it again: if the key was set again while the old object was still alive, it removes the live entry",
    },
    checkEntry: {
      languages: ['javascript', 'python'],
      text: 'Delete only when the entry is still dead',
    },
  },
  fixes: [],
  suggestions: ['checkEntry'],
});
