// The first-run walkthrough: opened once, on a first install, and its steps completed by what
// the learner really does. The steps and their context keys are in src/walkthrough/steps.ts.
import * as vscode from 'vscode';
import { exampleCopiesFolder, exercisesFolder, lessonsFolder } from './ownFolders';
import {
  isExampleCopy,
  isLearnersOwnFile,
  shouldOpenWalkthrough,
  STEP_CONTEXT_KEYS,
  walkthroughCommandId,
  WALKTHROUGH_SHOWN_KEY,
  type StepId,
} from '../walkthrough/steps';
import type { ExerciseFiles } from './exercises';
import type { LessonServices } from './services';

export interface Walkthrough {
  /** The id workbench.action.openWalkthrough takes. */
  readonly id: string;
  /** Steps the extension has signalled as done in this session; for tests. */
  done(step: StepId): boolean;
  /** Whether activation opened the walkthrough (a first install). */
  readonly openedOnActivation: boolean;
}

export function registerWalkthrough(services: LessonServices, exercises: ExerciseFiles): Walkthrough {
  const { context, runner, progress, catalog } = services;
  const pkg = context.extension.packageJSON as { publisher: string; name: string };
  const id = walkthroughCommandId(pkg.publisher, pkg.name);
  const done = new Set<StepId>();
  const complete = (step: StepId) => {
    if (done.has(step)) return;
    done.add(step);
    void vscode.commands.executeCommand('setContext', STEP_CONTEXT_KEYS[step], true);
  };

  const copiesRoot = exampleCopiesFolder(context);
  const lessonRoots = [lessonsFolder(context), copiesRoot, exercisesFolder(context)];

  context.subscriptions.push(
    runner.onDidFinishRun(() => complete('runExample')),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length > 0 && isExampleCopy(e.document.uri, copiesRoot)) complete('editExample');
    }),
    vscode.languages.onDidChangeDiagnostics((e) => {
      if (done.has('seeWarning')) return;
      const own = e.uris.filter((uri) => isLearnersOwnFile(uri, lessonRoots));
      if (own.some((uri) => vscode.languages.getDiagnostics(uri).some((d) => d.source === 'weakref')))
        complete('seeWarning');
    }),
    exercises.onDidCheck((report) => {
      if (report.results.length > 0) complete('checkExercise');
    }),
  );

  const hasProgress = catalog.get().lessons.some((l) => progress.state(l.id) !== 'new');
  const open = shouldOpenWalkthrough({ shownBefore: context.globalState.get(WALKTHROUGH_SHOWN_KEY), hasProgress });
  void context.globalState.update(WALKTHROUGH_SHOWN_KEY, true);
  if (open) void vscode.commands.executeCommand('workbench.action.openWalkthrough', id, false);
  return { id, done: (step) => done.has(step), openedOnActivation: open };
}
