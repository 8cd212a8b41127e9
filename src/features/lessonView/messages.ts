// Messages between the lesson page and the extension. The page renders lesson files, so
// whatever it sends is checked here before anything runs: known types only, and ids that
// name this panel's lesson and examples that exist in the catalogue.
import { exerciseLanguages, exerciseVariant } from '../../exercises/variant';
import { isLanguage, LANGUAGES, type Language, type Lesson, type LessonExample } from '../../lessons/types';

export type PageMessage =
  | { type: 'ready' }
  | { type: 'setLanguage'; language: Language }
  | { type: ExampleMessageType; lesson: Lesson; example: LessonExample }
  // language: the version of the exercise the button belongs to (absent: the learner's choice).
  | { type: ExerciseMessageType; lesson: Lesson; language?: Language }
  | { type: 'goto'; lesson: Lesson; target: Lesson };

export interface CatalogLookup {
  lesson(id: string): Lesson | undefined;
  example(lessonId: string, exampleId: string): LessonExample | undefined;
}

export type Validation = { ok: true; message: PageMessage } | { ok: false; reason: string };

type ExampleMessageType = 'run' | 'stop' | 'open' | 'restore' | 'chart' | 'memory';
const EXAMPLE_TYPES = new Set<string>([
  'run',
  'stop',
  'open',
  'restore',
  'chart',
  'memory',
] satisfies ExampleMessageType[]);
type ExerciseMessageType = 'openExercise' | 'checkSolution' | 'revealSolution' | 'compareSolution' | 'hint';
const EXERCISE_TYPES = new Set<string>([
  'openExercise',
  'checkSolution',
  'revealSolution',
  'compareSolution',
  'hint',
] satisfies ExerciseMessageType[]);

/** Ids are short slugs; anything long is junk and is not echoed back into logs in full. */
const shown = (v: unknown) => JSON.stringify(v)?.slice(0, 60) ?? String(v);

/**
 * @param panelLessonId the lesson this panel shows: a page may act only on its own lesson.
 */
export function validateMessage(raw: unknown, panelLessonId: string, catalog: CatalogLookup): Validation {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, reason: 'not an object' };
  const msg = raw as Record<string, unknown>;
  const type = msg.type;
  if (type === 'ready') return { ok: true, message: { type } };
  if (type === 'setLanguage') {
    // Not about a lesson: the choice is the learner's, for every page and the tree.
    if (!isLanguage(msg.language))
      return {
        ok: false,
        reason: `setLanguage: language ${shown(msg.language)} is not one of ${LANGUAGES.join(', ')}`,
      };
    return { ok: true, message: { type, language: msg.language } };
  }
  if (typeof type !== 'string' || (!EXAMPLE_TYPES.has(type) && !EXERCISE_TYPES.has(type) && type !== 'goto'))
    return { ok: false, reason: `unknown message type ${shown(type)}` };

  if (msg.lessonId !== panelLessonId)
    return { ok: false, reason: `${type}: lesson ${shown(msg.lessonId)} is not this panel's lesson` };
  const lesson = catalog.lesson(panelLessonId);
  if (!lesson) return { ok: false, reason: `${type}: lesson ${shown(panelLessonId)} is not in the catalogue` };

  if (type === 'goto') {
    if (typeof msg.targetId !== 'string') return { ok: false, reason: 'goto: targetId must be a string' };
    const target = catalog.lesson(msg.targetId);
    if (!target) return { ok: false, reason: `goto: lesson ${shown(msg.targetId)} is not in the catalogue` };
    return { ok: true, message: { type, lesson, target } };
  }

  if (EXERCISE_TYPES.has(type)) {
    if (!lesson.exercise) return { ok: false, reason: `${type}: lesson ${shown(lesson.id)} has no exercise` };
    const languages = exerciseLanguages(lesson.exercise);
    const language = msg.language;
    if (language !== undefined && !(isLanguage(language) && languages.includes(language)))
      return { ok: false, reason: `${type}: the exercise has no ${shown(language)} version` };
    if (type === 'hint' && exerciseVariant(lesson.exercise, language ?? 'javascript').hints.length === 0)
      return { ok: false, reason: `hint: the exercise of ${shown(lesson.id)} has no hints` };
    return {
      ok: true,
      message: { type: type as ExerciseMessageType, lesson, ...(language === undefined ? {} : { language }) },
    };
  }

  if (typeof msg.exampleId !== 'string') return { ok: false, reason: `${type}: exampleId must be a string` };
  const example = catalog.example(lesson.id, msg.exampleId);
  if (!example)
    return { ok: false, reason: `${type}: example ${shown(msg.exampleId)} is not in lesson ${shown(lesson.id)}` };
  if (type === 'chart' && !example.chart)
    return { ok: false, reason: `chart: example ${shown(example.id)} does not chart` };
  return { ok: true, message: { type: type as ExampleMessageType, lesson, example } };
}
