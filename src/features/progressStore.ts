// Progress lives in globalState so it follows the learner across workspaces and restarts.
import * as vscode from 'vscode';
import {
  completionOf,
  courseCounts,
  emptyProgress,
  hintsUsed,
  parseProgress,
  stateOf,
  withCompleted,
  withExampleRun,
  withHintRevealed,
  withOpened,
  type ProgressData,
} from '../lessons/progress';
import type { CatalogStore, ProgressStore } from './services';

const KEY = 'weakrefLessons.progress';
/** Set by the language switch (another feature); synced here so every synced key is in one list. */
export const LANGUAGE_KEY = 'weakrefLessons.language';
/** What follows the learner to another machine through Settings Sync: completed lessons, passed checks, hints used, the language. */
export const SYNCED_KEYS: readonly string[] = [KEY, LANGUAGE_KEY];

export function createProgressStore(context: vscode.ExtensionContext, catalog: CatalogStore): ProgressStore {
  const changed = new vscode.EventEmitter<void>();
  const wasReset = new vscode.EventEmitter<void>();
  context.subscriptions.push(changed, wasReset);
  context.globalState.setKeysForSync(SYNCED_KEYS);
  let data: ProgressData = parseProgress(context.globalState.get(KEY));
  const hintCount = (lessonId: string) => catalog.lesson(lessonId)?.exercise?.hints.length ?? 0;

  const save = async (next: ProgressData) => {
    data = next;
    await context.globalState.update(KEY, data);
    changed.fire();
  };

  return {
    onDidChange: changed.event,
    onDidReset: wasReset.event,
    state: (lessonId) => stateOf(data, lessonId),
    markOpened: (lessonId) =>
      stateOf(data, lessonId) === 'new' ? save(withOpened(data, lessonId)) : Promise.resolve(),
    markCompleted: (lessonId) => save(withCompleted(data, lessonId)),
    markExampleRun: (lessonId, exampleId) => save(withExampleRun(data, catalog.lesson(lessonId), lessonId, exampleId)),
    hintsUsed: (lessonId) => hintsUsed(data, lessonId, hintCount(lessonId)),
    async revealHint(lessonId) {
      await save(withHintRevealed(data, lessonId, hintCount(lessonId)));
      return hintsUsed(data, lessonId, hintCount(lessonId));
    },
    counts: () =>
      courseCounts(
        data,
        catalog.get().lessons.map((l) => l.id),
      ),
    completion(lessonId, language) {
      const lesson = catalog.lesson(lessonId);
      return lesson
        ? completionOf(data, lesson, language)
        : { completed: false, by: 'examples', examplesRun: 0, examples: 0 };
    },
    async reset() {
      await save(emptyProgress());
      wasReset.fire();
    },
  };
}
