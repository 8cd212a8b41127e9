// Exercises: the learner's own copy of the starter, the checker run against it, and the
// reference solution on request. The checks run in a child process (src/exercises/checker).
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { runChecks } from '../exercises/checker';
import { allPassed, summarize, type CheckReport } from '../exercises/types';
import type { Lesson } from '../lessons/types';
import { copyIfMissing } from '../runner/copyIfMissing';
import { exercisesFolder } from './ownFolders';
import { saveIfDirty } from './saveIfDirty';
import { lessonFromArg, type LessonServices } from './services';

const CHECK_TIMEOUT_MS = 30_000;
const SOLUTION_SCHEME = 'weakref-solution';

export interface ExerciseFiles {
  /** Where the learner's file for an exercise lives (global storage, kept between sessions). */
  learnerFile(lesson: Lesson): string;
  /** Fires after each check that ran, passed or not. */
  readonly onDidCheck: vscode.Event<CheckReport>;
}

export function registerExercises(services: LessonServices): ExerciseFiles {
  const { context, catalog, progress, runner, output } = services;
  // Named after the exercise, so the editor tab says what it is.
  const checked = new vscode.EventEmitter<CheckReport>();
  context.subscriptions.push(checked);
  const learnerFile = (lesson: Lesson) => path.join(exercisesFolder(context), lesson.id, `${lesson.id}.js`);

  const solutionUri = (lesson: Lesson) => vscode.Uri.from({ scheme: SOLUTION_SCHEME, path: `/${lesson.id}.js` });

  const exerciseLesson = async (arg: unknown): Promise<Lesson | undefined> => {
    let lesson = lessonFromArg(catalog, arg);
    if (!lesson && arg === undefined) {
      const items = catalog
        .get()
        .lessons.filter((l) => l.exercise)
        .map((l) => ({ label: l.title, lesson: l }));
      lesson = (await vscode.window.showQuickPick(items, { placeHolder: 'Choose an exercise' }))?.lesson;
      if (!lesson) return undefined;
    }
    if (!lesson?.exercise) {
      void vscode.window.showErrorMessage('Weak References: that lesson has no exercise.');
      return undefined;
    }
    return lesson;
  };

  async function openLearnerFile(lesson: Lesson): Promise<vscode.Uri> {
    const file = learnerFile(lesson);
    if (!fs.existsSync(file)) await copyIfMissing(lesson.exercise!.starter, file);
    const uri = vscode.Uri.file(file);
    // Beside the lesson, so its instructions and the Check button stay in view.
    await vscode.window.showTextDocument(uri, { preview: false, viewColumn: vscode.ViewColumn.Beside });
    await progress.markOpened(lesson.id);
    return uri;
  }

  const solutions = new (class implements vscode.TextDocumentContentProvider {
    provideTextDocumentContent(uri: vscode.Uri): string {
      const lesson = catalog.lesson(uri.path.replace(/^\//, '').replace(/\.js$/, ''));
      if (!lesson?.exercise) return '// This lesson has no reference solution.';
      return fs.readFileSync(lesson.exercise.solution, 'utf8');
    }
  })();

  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(SOLUTION_SCHEME, solutions),
    vscode.commands.registerCommand('weakrefLessons.openExercise', async (arg?: unknown) => {
      const lesson = await exerciseLesson(arg);
      return lesson ? openLearnerFile(lesson) : undefined;
    }),
    vscode.commands.registerCommand(
      'weakrefLessons.checkSolution',
      async (arg?: unknown): Promise<CheckReport | undefined> => {
        const lesson = await exerciseLesson(arg);
        if (!lesson) return undefined;
        const file = learnerFile(lesson);
        if (!fs.existsSync(file)) {
          await openLearnerFile(lesson);
          void vscode.window.showInformationMessage('Your exercise file is open: edit it, then check it again.');
          return { results: [], error: 'There is no solution file yet; the starter is now open in an editor.' };
        }
        await saveIfDirty(file);
        const invocation = await runner.prepareNode(file);
        if (!invocation) return { results: [], error: 'Node.js could not be used; see the message about it.' };
        const report = await vscode.window.withProgress(
          { location: vscode.ProgressLocation.Window, title: `Checking ${lesson.title}` },
          () =>
            runChecks({
              nodeCommand: invocation.command,
              nodeArgs: invocation.args,
              checksFile: lesson.exercise!.checks,
              solutionFile: file,
              timeoutMs: CHECK_TIMEOUT_MS,
            }),
        );
        output.appendLine(`[exercise ${lesson.id}] ${summarize(report)}`);
        checked.fire(report);
        for (const r of report.results)
          output.appendLine(
            `  ${r.passed ? 'passed' : 'FAILED'}: ${r.requirement}${r.message ? ` (${r.message})` : ''}`,
          );
        if (allPassed(report)) {
          await progress.markCompleted(lesson.id);
          void vscode.window.showInformationMessage(`${lesson.title}: ${summarize(report)}`);
        } else {
          void vscode.window
            .showWarningMessage(`${lesson.title}: ${summarize(report)}`, 'Show Details')
            .then((c) => c && output.show(true));
        }
        return report;
      },
    ),
    vscode.commands.registerCommand('weakrefLessons.compareSolution', async (arg?: unknown) => {
      const lesson = await exerciseLesson(arg);
      if (!lesson) return undefined;
      const file = learnerFile(lesson);
      if (!fs.existsSync(file)) {
        void vscode.window.showInformationMessage(
          'There is no solution file of yours to compare yet: open it from the lesson first.',
        );
        return undefined;
      }
      // The learner's file (editable) on the left, the read-only reference on the right.
      const mine = vscode.Uri.file(file);
      const reference = solutionUri(lesson);
      await vscode.commands.executeCommand(
        'vscode.diff',
        mine,
        reference,
        `${path.basename(file)}: yours ↔ reference solution`,
        { preview: false },
      );
      return { mine, reference };
    }),
    vscode.commands.registerCommand('weakrefLessons.revealSolution', async (arg?: unknown) => {
      const lesson = await exerciseLesson(arg);
      if (!lesson) return undefined;
      // A read-only document: the reference stays intact and the learner's file untouched.
      const uri = solutionUri(lesson);
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.languages.setTextDocumentLanguage(doc, 'javascript');
      await vscode.window.showTextDocument(doc, { preview: true, viewColumn: vscode.ViewColumn.Beside });
      return uri;
    }),
  );
  return { learnerFile, onDidCheck: checked.event };
}
