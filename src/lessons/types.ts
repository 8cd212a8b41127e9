// The lesson catalogue's data model. Lesson folders are data: adding one needs no code change.

export interface ExpectedFailure {
  /** The constructor name of the uncaught error, e.g. "TypeError". */
  errorType: string;
  /** A substring of the error message that the lesson promises. */
  messageIncludes: string;
}

/** The languages a lesson can show; the page shows one at a time. */
export const LANGUAGES = ['javascript', 'python'] as const;
export type Language = (typeof LANGUAGES)[number];

export const LANGUAGE_NAMES: Record<Language, string> = { javascript: 'JavaScript', python: 'Python' };

export function isLanguage(v: unknown): v is Language {
  return typeof v === 'string' && (LANGUAGES as readonly string[]).includes(v);
}

export interface LessonExample {
  id: string;
  title: string;
  /** From the file's extension: .js/.cjs/.mjs are JavaScript, .py is Python. */
  language: Language;
  /** Absolute path of the runnable file. */
  file: string;
  /** Path relative to the lesson folder, as written in lesson.json. */
  relativeFile: string;
  /** The exact stdout the lesson promises (trailing whitespace of each line ignored). */
  expectedOutput: string;
  /** True when the output depends on garbage collection: the tests run it more often. */
  gcDependent: boolean;
  expectFailure?: ExpectedFailure;
  /** True when the example writes chart data to $WEAKREF_CHART_FILE (see docs/LESSON-FORMAT.md). */
  chart: boolean;
}

export interface ExerciseFiles {
  /** Absolute paths. */
  starter: string;
  solution: string;
  checks: string;
  /** Graded hints, from a nudge to nearly the answer (inline markdown); revealed one at a time. */
  hints: string[];
}

export interface LessonExercise extends ExerciseFiles {
  /** The same exercise in Python (starter.py, solution.py, checks.py), when the lesson has one. */
  python?: ExerciseFiles;
}

export interface Lesson {
  kind: 'lesson';
  id: string;
  title: string;
  order: number;
  summary: string;
  /** The summary for Python learners, where the general one speaks of JavaScript. */
  pythonSummary?: string;
  topics: string[];
  /** Absolute path of the lesson folder. */
  dir: string;
  /** The lesson's markdown text. */
  markdown: string;
  examples: LessonExample[];
  exercise?: LessonExercise;
}

/** A lesson folder that could not be loaded; shown to the user instead of crashing. */
export interface LessonError {
  kind: 'error';
  /** The folder name, which is all we can trust. */
  folder: string;
  dir: string;
  problems: string[];
}

export type CatalogEntry = Lesson | LessonError;

export interface Catalog {
  lessons: Lesson[];
  errors: LessonError[];
}
