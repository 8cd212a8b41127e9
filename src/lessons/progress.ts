// Progress as plain data, so the rules (what "completed" means) are tested without VS Code.
import type { Language, Lesson } from './types';

export type LessonState = 'new' | 'opened' | 'completed';

export interface ProgressData {
  version: 1;
  lessons: Record<string, LessonProgress>;
}

export interface LessonProgress {
  state: LessonState;
  examplesRun: string[];
  /** How many of the exercise's hints the learner has revealed (absent: none). */
  hintsUsed?: number;
}

export function emptyProgress(): ProgressData {
  return { version: 1, lessons: {} };
}

/** globalState may hold anything (an older version, a hand edit): keep only what is well formed. */
export function parseProgress(raw: unknown): ProgressData {
  const data = emptyProgress();
  if (!raw || typeof raw !== 'object') return data;
  const lessons = (raw as { lessons?: unknown }).lessons;
  if (!lessons || typeof lessons !== 'object') return data;
  for (const [id, entry] of Object.entries(lessons as Record<string, unknown>)) {
    if (!entry || typeof entry !== 'object') continue;
    const { state, examplesRun, hintsUsed } = entry as { state?: unknown; examplesRun?: unknown; hintsUsed?: unknown };
    if (state !== 'new' && state !== 'opened' && state !== 'completed') continue;
    const runs = Array.isArray(examplesRun) ? examplesRun.filter((x): x is string => typeof x === 'string') : [];
    data.lessons[id] = { state, examplesRun: runs };
    if (typeof hintsUsed === 'number' && Number.isInteger(hintsUsed) && hintsUsed > 0) data.lessons[id].hintsUsed = hintsUsed;
  }
  return data;
}

function entry(data: ProgressData, lessonId: string): LessonProgress {
  return (data.lessons[lessonId] ??= { state: 'new', examplesRun: [] });
}

export function stateOf(data: ProgressData, lessonId: string): LessonState {
  return data.lessons[lessonId]?.state ?? 'new';
}

export function withOpened(data: ProgressData, lessonId: string): ProgressData {
  const next = structuredClone(data);
  const e = entry(next, lessonId);
  if (e.state === 'new') e.state = 'opened';
  return next;
}

export function withCompleted(data: ProgressData, lessonId: string): ProgressData {
  const next = structuredClone(data);
  entry(next, lessonId).state = 'completed';
  return next;
}

/**
 * A lesson without an exercise is completed once every example of one language has run: a
 * learner follows the course in JavaScript or in Python, not necessarily in both.
 * A lesson with an exercise is completed by passing the exercise, not by running examples.
 */
export function withExampleRun(data: ProgressData, lesson: Lesson | undefined, lessonId: string, exampleId: string): ProgressData {
  const next = structuredClone(data);
  const e = entry(next, lessonId);
  if (!e.examplesRun.includes(exampleId)) e.examplesRun.push(exampleId);
  if (e.state === 'new') e.state = 'opened';
  if (lesson && !lesson.exercise) {
    const languages = new Set(lesson.examples.map((x) => x.language));
    const allRunIn = (language: Language) => lesson.examples.filter((x) => x.language === language).every((x) => e.examplesRun.includes(x.id));
    if ([...languages].some(allRunIn)) e.state = 'completed';
  }
  return next;
}

/** Hints revealed so far, never more than the exercise has (a lesson may have lost a hint since). */
export function hintsUsed(data: ProgressData, lessonId: string, hintCount: number): number {
  return Math.min(data.lessons[lessonId]?.hintsUsed ?? 0, hintCount);
}

/** Reveals the next hint; once all are shown, nothing changes. */
export function withHintRevealed(data: ProgressData, lessonId: string, hintCount: number): ProgressData {
  const used = hintsUsed(data, lessonId, hintCount);
  if (used >= hintCount) return data;
  const next = structuredClone(data);
  const e = entry(next, lessonId);
  e.hintsUsed = used + 1;
  if (e.state === 'new') e.state = 'opened';
  return next;
}

/** What the Lessons view shows: "n/total" and the number of lessons left. */
export function courseCounts(data: ProgressData, lessonIds: readonly string[]): { done: number; total: number; left: number } {
  const done = lessonIds.filter((id) => stateOf(data, id) === 'completed').length;
  return { done, total: lessonIds.length, left: lessonIds.length - done };
}

/** How far a lesson is towards "completed", and what completes it. */
export interface LessonCompletion {
  completed: boolean;
  /** "examples": every example of one language has run; "exercise": the exercise passes its check. */
  by: 'examples' | 'exercise';
  /** Examples of the chosen language (of any language, if it has none) run so far, and how many there are. */
  examplesRun: number;
  examples: number;
}

export function completionOf(data: ProgressData, lesson: Lesson, language: Language): LessonCompletion {
  const inLanguage = lesson.examples.filter((x) => x.language === language);
  const examples = inLanguage.length ? inLanguage : lesson.examples;
  const run = data.lessons[lesson.id]?.examplesRun ?? [];
  return {
    completed: stateOf(data, lesson.id) === 'completed',
    by: lesson.exercise ? 'exercise' : 'examples',
    examplesRun: examples.filter((x) => run.includes(x.id)).length,
    examples: examples.length,
  };
}
