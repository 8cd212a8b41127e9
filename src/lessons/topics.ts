// The curriculum's topic ids (the list below is the curriculum's; docs/LESSON-FORMAT.md says how lessons name them). Lesson metadata names these, so
// coverage can be checked mechanically.
export const TOPIC_IDS = [
  'intro',
  'simple-example',
  'weak-key-map',
  'weak-value-map',
  'callback-on-collect',
  'smart-cache',
  'observer',
  'proxy',
  'finalize',
  'pitfall-targets',
  'pitfall-dead-refs',
  'best-practices',
  'exercise-registry',
  'measuring-memory',
  'bugs-that-shipped',
] as const;
export type TopicId = (typeof TOPIC_IDS)[number];
