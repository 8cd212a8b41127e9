// What the lesson features share. extension.ts builds one of each and passes them in,
// so every feature file can be registered (and tested) on its own.
import type * as vscode from 'vscode';
import type { Catalog, Language, Lesson, LessonExample } from '../lessons/types';
import type { Invocation } from '../process/run';

import type { LessonCompletion, LessonState } from '../lessons/progress';

export type { LessonCompletion, LessonState };

export interface CatalogStore {
  /** The catalogue as last loaded (loading is synchronous and cheap: a few small files). */
  get(): Catalog;
  lesson(id: string): Lesson | undefined;
  example(lessonId: string, exampleId: string): LessonExample | undefined;
  reload(): Catalog;
  readonly onDidChange: vscode.Event<Catalog>;
}

export interface ProgressStore {
  state(lessonId: string): LessonState;
  markOpened(lessonId: string): Promise<void>;
  markCompleted(lessonId: string): Promise<void>;
  /** Records a run; a lesson without an exercise is completed once every example has run. */
  markExampleRun(lessonId: string, exampleId: string): Promise<void>;
  /** Hints of the lesson's exercise revealed so far. */
  hintsUsed(lessonId: string): number;
  /** Reveals the next hint (no more than the exercise has) and returns how many are revealed. */
  revealHint(lessonId: string): Promise<number>;
  /** Completed lessons of the current catalogue, how many there are, how many are left. */
  counts(): { done: number; total: number; left: number };
  /** How far the learner is towards completing the lesson, in the chosen language. */
  completion(lessonId: string, language: Language): LessonCompletion;
  reset(): Promise<void>;
  readonly onDidChange: vscode.Event<void>;
  /** Fires after Reset Progress, so pages that show progress start again. */
  readonly onDidReset: vscode.Event<void>;
}

export interface RunResult {
  file: string;
  /** null when the process was killed by a signal or never started. */
  exitCode: number | null;
  /** The end of what the process wrote to stdout and stderr, in order (a bounded tail). */
  output: string;
  /** Ended by Stop, by a new run, or by the extension shutting down. */
  stopped: boolean;
}

export interface ExampleRunner {
  /** Runs a lesson example in the "Weak References" terminal; an edited copy, if the learner saved one, runs instead. */
  runExample(lesson: Lesson, example: LessonExample): Promise<boolean>;
  /** Runs any JavaScript file (asks first in an untrusted workspace). */
  runFile(uri: vscode.Uri): Promise<boolean>;
  /** The file the learner edits for an example (a copy in global storage, made on first open). */
  editableCopy(lesson: Lesson, example: LessonExample): Promise<vscode.Uri>;
  /** Ids of the lesson's examples whose copy the learner has edited: Run runs those copies. */
  editedExamples(lesson: Lesson): Promise<string[]>;
  /** Puts the lesson's version back over the learner's copy, after asking; true if it did. */
  restoreOriginal(lesson: Lesson, example: LessonExample): Promise<boolean>;
  /** The checked node command, its options and `file`, from the settings; undefined after telling the user what is wrong. */
  prepareNode(file: string): Promise<Invocation | undefined>;
  /** The checked python command from the settings; undefined after telling the user what is wrong. */
  preparePython(file: string): Promise<Invocation | undefined>;
  /** Stops the current run and everything it started; false when nothing was running. */
  stop(): boolean;
  /** The current run, while there is one. */
  readonly running: { pid: number | undefined; file: string } | undefined;
  /** Fires when a run ends; the terminal stays open showing the same output. */
  readonly onDidFinishRun: vscode.Event<RunResult>;
  /** Fires true when a run starts, false when nothing runs any more. */
  readonly onDidChangeRunning: vscode.Event<boolean>;
  /** Fires a lesson id when one of its example copies was saved, restored or replaced. */
  readonly onDidChangeCopies: vscode.Event<string>;
}

/** Which language's examples and notes the learner sees. */
export interface LanguageChoice {
  get(): Language;
  set(language: Language): Promise<void>;
  readonly onDidChange: vscode.Event<Language>;
}

export interface LessonServices {
  context: vscode.ExtensionContext;
  catalog: CatalogStore;
  progress: ProgressStore;
  language: LanguageChoice;
  runner: ExampleRunner;
  output: vscode.OutputChannel;
}

/** Tree nodes double as command arguments from the tree's context menus. */
export type LessonNode =
  | { kind: 'lesson'; lesson: Lesson }
  | { kind: 'example'; lesson: Lesson; example: LessonExample }
  | { kind: 'error'; folder: string; problems: string[] };

/**
 * Commands are called from the tree (with a node), from the lesson view and tests (with ids),
 * and from the palette (with nothing). This turns any of those into a lesson.
 */
export function lessonFromArg(catalog: CatalogStore, arg: unknown): Lesson | undefined {
  if (typeof arg === 'string') return catalog.lesson(arg);
  if (arg && typeof arg === 'object') {
    const node = arg as Partial<LessonNode> & { lessonId?: unknown };
    if ((node.kind === 'lesson' || node.kind === 'example') && 'lesson' in node && node.lesson)
      return catalog.lesson(node.lesson.id);
    if (typeof node.lessonId === 'string') return catalog.lesson(node.lessonId);
  }
  return undefined;
}

/** Accepts an example node, or { lessonId, exampleId }. */
export function exampleFromArg(
  catalog: CatalogStore,
  arg: unknown,
): { lesson: Lesson; example: LessonExample } | undefined {
  if (!arg || typeof arg !== 'object') return undefined;
  const a = arg as {
    kind?: unknown;
    lesson?: Lesson;
    example?: LessonExample;
    lessonId?: unknown;
    exampleId?: unknown;
  };
  const lessonId = a.kind === 'example' && a.lesson ? a.lesson.id : a.lessonId;
  const exampleId = a.kind === 'example' && a.example ? a.example.id : a.exampleId;
  if (typeof lessonId !== 'string' || typeof exampleId !== 'string') return undefined;
  const lesson = catalog.lesson(lessonId);
  const example = catalog.example(lessonId, exampleId);
  return lesson && example ? { lesson, example } : undefined;
}
