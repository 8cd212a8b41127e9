// collected-in-same-job: a target expected gone right after gc(), in the job that keeps it alive.
import { defineRule } from '../../rule';

export const definition = defineRule({
  id: 'collected-in-same-job',
  defaultSeverity: 'warning',
  description:
    'A target is expected to be collected right after gc(), in the same synchronous job that created or dereferenced its WeakRef, which keeps it alive until the job ends.',
  lesson: 'bugs-that-shipped',
  languages: ['javascript'],
  messages: {
    keptAlive: {
      languages: ['javascript'],
      text: '{{ call }} is checked for collection after gc(), in the same job that {{ how }}: the target is kept alive until the job ends, so this check never sees it collected; await a timer before gc()',
    },
  },
  fixes: [],
  suggestions: [],
});
