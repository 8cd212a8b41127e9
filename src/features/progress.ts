// Progress lives in globalState so it follows the learner across workspaces and restarts.
import * as vscode from 'vscode';
import { emptyProgress, parseProgress, stateOf, withCompleted, withExampleRun, withOpened, type ProgressData } from '../lessons/progress';
import type { CatalogStore, ProgressStore } from './services';

const KEY = 'weakrefLessons.progress';

export function createProgressStore(context: vscode.ExtensionContext, catalog: CatalogStore): ProgressStore {
  const changed = new vscode.EventEmitter<void>();
  context.subscriptions.push(changed);
  let data: ProgressData = parseProgress(context.globalState.get(KEY));

  const save = async (next: ProgressData) => {
    data = next;
    await context.globalState.update(KEY, data);
    changed.fire();
  };

  return {
    onDidChange: changed.event,
    state: (lessonId) => stateOf(data, lessonId),
    markOpened: (lessonId) => (stateOf(data, lessonId) === 'new' ? save(withOpened(data, lessonId)) : Promise.resolve()),
    markCompleted: (lessonId) => save(withCompleted(data, lessonId)),
    markExampleRun: (lessonId, exampleId) => save(withExampleRun(data, catalog.lesson(lessonId), lessonId, exampleId)),
    reset: () => save(emptyProgress()),
  };
}
