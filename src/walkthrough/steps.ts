// The first-run walkthrough (package.json contributes.walkthroughs) as data: which steps it has
// and the context key each step's completion waits for. Pure, so the manifest is checked
// against it in a unit test, and the adapter (src/features/walkthrough.ts) sets exactly these keys.
import * as path from 'path';

export const WALKTHROUGH_ID = 'firstSteps';
/** globalState key: set the first time the extension runs, so the walkthrough opens only once. */
export const WALKTHROUGH_SHOWN_KEY = 'weakrefLessons.walkthroughShown';

export type StepId = 'openLessons' | 'runExample' | 'editExample' | 'seeWarning' | 'checkExercise';

/** Steps whose completion is signalled by the extension through a context key (the others by VS Code itself). */
export const STEP_CONTEXT_KEYS: Readonly<Partial<Record<StepId, string>>> = {
  runExample: 'weakrefLessons.walkthrough.ranExample',
  editExample: 'weakrefLessons.walkthrough.editedExample',
  seeWarning: 'weakrefLessons.walkthrough.sawWarning',
  checkExercise: 'weakrefLessons.walkthrough.checkedExercise',
};

/** `publisher.name#walkthroughId`, what workbench.action.openWalkthrough takes. */
export function walkthroughCommandId(publisher: string, name: string): string {
  return `${publisher}.${name}#${WALKTHROUGH_ID}`;
}

/**
 * Opens on a first install only. Someone who already has progress (an update from a version
 * without the flag, or progress synced from another machine) has found their way already.
 */
export function shouldOpenWalkthrough(state: { shownBefore: unknown; hasProgress: boolean }): boolean {
  return state.shownBefore !== true && !state.hasProgress;
}

/**
 * "Your own file" for the linter step: any file or untitled document that is not one of the
 * lessons' own files or the learner's copies of them.
 */
export function isLearnersOwnFile(uri: { scheme: string; fsPath: string }, lessonRoots: readonly string[]): boolean {
  if (uri.scheme === 'untitled') return true;
  if (uri.scheme !== 'file') return false;
  return !lessonRoots.some((root) => uri.fsPath === root || uri.fsPath.startsWith(root + path.sep));
}

/** A learner's copy of a lesson example (what Open Example gives them to edit). */
export function isExampleCopy(uri: { scheme: string; fsPath: string }, copiesRoot: string): boolean {
  return uri.scheme === 'file' && uri.fsPath.startsWith(copiesRoot + path.sep) && /\.(c|m)?js$/.test(uri.fsPath);
}
