// Exercises: the learner's own copy of the starter, the checker run against it, and the
// reference solution on request, in the learner's language where the exercise has a version in
// it. The checks run in a child process (src/exercises/checker, src/exercises/pythonChecker).
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { checkVariant, exerciseVariant, type ExerciseVariant } from '../exercises/variant';
import { allPassed, summarize, type CheckReport } from '../exercises/types';
import { isLanguage, type Language, type Lesson } from '../lessons/types';
import { copyIfMissing } from '../runner/copyIfMissing';
import { exercisesFolder } from './ownFolders';
import { saveIfDirty } from './saveIfDirty';
import { lessonFromArg, type LessonServices } from './services';

const CHECK_TIMEOUT_MS = 30_000;
const SOLUTION_SCHEME = 'weakref-solution';
const REFERENCE_SUFFIX = '.reference';

export interface ExerciseFiles {
  /** Where the learner's file for an exercise lives (global storage, kept between sessions), per language. */
  learnerFile(lesson: Lesson, language?: Language): string;
  /** Fires after each check that ran, passed or not. */
  readonly onDidCheck: vscode.Event<CheckReport>;
}

/** The exercise commands take { lessonId, language? }; without a language, the learner's choice counts. */
function languageFromArg(arg: unknown): Language | undefined {
  const language = arg && typeof arg === 'object' ? (arg as { language?: unknown }).language : undefined;
  return isLanguage(language) ? language : undefined;
}

/** The lesson page passes { fromPage: true }: it shows the check's result itself. */
function fromPage(arg: unknown): boolean {
  return !!arg && typeof arg === 'object' && (arg as { fromPage?: unknown }).fromPage === true;
}

export function registerExercises(services: LessonServices): ExerciseFiles {
  const { context, catalog, progress, runner, output } = services;
  const checked = new vscode.EventEmitter<CheckReport>();
  context.subscriptions.push(checked);
  const variantOf = (lesson: Lesson, arg?: unknown): ExerciseVariant =>
    exerciseVariant(lesson.exercise!, languageFromArg(arg) ?? services.language.get());
  // Named after the exercise, so the editor tab says what it is.
  const fileOf = (lesson: Lesson, variant: ExerciseVariant) =>
    path.join(exercisesFolder(context), lesson.id, `${lesson.id}${variant.extension}`);
  const learnerFile = (lesson: Lesson, language: Language = 'javascript') =>
    fileOf(lesson, exerciseVariant(lesson.exercise!, language));

  // ".reference" in the name: its tab must not read like the learner's own file beside it.
  const solutionUri = (lesson: Lesson, variant: ExerciseVariant) =>
    vscode.Uri.from({ scheme: SOLUTION_SCHEME, path: `/${lesson.id}${REFERENCE_SUFFIX}${variant.extension}` });

  const exerciseLesson = async (arg: unknown): Promise<Lesson | undefined> => {
    let lesson = lessonFromArg(catalog, arg);
    if (!lesson && arg === undefined) {
      const items = catalog
        .get()
        .lessons.filter((l) => l.exercise)
        .map((l) => ({ label: l.title, lesson: l }));
      lesson = (await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Choose an exercise') }))?.lesson;
      if (!lesson) return undefined;
    }
    if (!lesson?.exercise) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Weak References: that lesson has no exercise.'));
      return undefined;
    }
    return lesson;
  };

  async function openLearnerFile(lesson: Lesson, variant: ExerciseVariant): Promise<vscode.Uri> {
    const file = fileOf(lesson, variant);
    if (!fs.existsSync(file)) await copyIfMissing(variant.starter, file);
    const uri = vscode.Uri.file(file);
    // Beside the lesson, so its instructions and the Check button stay in view.
    await vscode.window.showTextDocument(uri, { preview: false, viewColumn: vscode.ViewColumn.Beside });
    await progress.markOpened(lesson.id);
    return uri;
  }

  const solutions = new (class implements vscode.TextDocumentContentProvider {
    provideTextDocumentContent(uri: vscode.Uri): string {
      const [, id = '', extension] = /^\/(.*?)(?:\.reference)?(\.py|\.js)?$/.exec(uri.path) ?? [];
      const lesson = catalog.lesson(id);
      const comment = extension === '.py' ? '#' : '//';
      if (!lesson?.exercise) return `${comment} ${vscode.l10n.t('This lesson has no reference solution.')}`;
      return fs.readFileSync(
        exerciseVariant(lesson.exercise, extension === '.py' ? 'python' : 'javascript').solution,
        'utf8',
      );
    }
  })();

  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(SOLUTION_SCHEME, solutions),
    vscode.commands.registerCommand('weakrefLessons.openExercise', async (arg?: unknown) => {
      const lesson = await exerciseLesson(arg);
      return lesson ? openLearnerFile(lesson, variantOf(lesson, arg)) : undefined;
    }),
    vscode.commands.registerCommand(
      'weakrefLessons.checkSolution',
      async (arg?: unknown): Promise<CheckReport | undefined> => {
        const lesson = await exerciseLesson(arg);
        if (!lesson) return undefined;
        const variant = variantOf(lesson, arg);
        const file = fileOf(lesson, variant);
        if (!fs.existsSync(file)) {
          await openLearnerFile(lesson, variant);
          void vscode.window.showInformationMessage(
            vscode.l10n.t('Your exercise file is open: edit it, then check it again.'),
          );
          return {
            results: [],
            error: vscode.l10n.t('There is no solution file yet; the starter is now open in an editor.'),
          };
        }
        if (!(await saveIfDirty(file)))
          return { results: [], error: vscode.l10n.t('The solution file has unsaved edits that could not be saved.') };
        const invocation =
          variant.language === 'python' ? await runner.preparePython(file) : await runner.prepareNode(file);
        if (!invocation)
          return {
            results: [],
            error:
              variant.language === 'python'
                ? vscode.l10n.t('Python could not be used; see the message about it.')
                : vscode.l10n.t('Node.js could not be used; see the message about it.'),
          };
        const report = await vscode.window.withProgress(
          { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Checking {0}', lesson.title) },
          () => checkVariant(variant, invocation, file, CHECK_TIMEOUT_MS),
        );
        output.appendLine(`[exercise ${lesson.id} ${variant.language}] ${summarize(report)}`);
        checked.fire(report);
        for (const r of report.results)
          output.appendLine(
            `  ${r.passed ? 'passed' : 'FAILED'}: ${r.requirement}${r.message ? ` (${r.message})` : ''}`,
          );
        if (allPassed(report)) await progress.markCompleted(lesson.id);
        // The lesson page shows the result where the learner pressed Check: no notification repeats it.
        if (fromPage(arg)) return report;
        if (allPassed(report)) {
          void vscode.window.showInformationMessage(vscode.l10n.t('{0}: {1}', lesson.title, summarize(report)));
        } else {
          const details = vscode.l10n.t('Show Details');
          void vscode.window
            .showWarningMessage(vscode.l10n.t('{0}: {1}', lesson.title, summarize(report)), details)
            .then((c) => c === details && output.show(true));
        }
        return report;
      },
    ),
    vscode.commands.registerCommand('weakrefLessons.compareSolution', async (arg?: unknown) => {
      const lesson = await exerciseLesson(arg);
      if (!lesson) return undefined;
      const variant = variantOf(lesson, arg);
      const file = fileOf(lesson, variant);
      if (!fs.existsSync(file)) {
        void vscode.window.showInformationMessage(
          vscode.l10n.t('There is no solution file of yours to compare yet: open it from the lesson first.'),
        );
        return undefined;
      }
      // The learner's file (editable) on the left, the read-only reference on the right.
      const mine = vscode.Uri.file(file);
      const reference = solutionUri(lesson, variant);
      await vscode.commands.executeCommand(
        'vscode.diff',
        mine,
        reference,
        vscode.l10n.t('{0}: yours ↔ reference solution', path.basename(file)),
        { preview: false },
      );
      return { mine, reference };
    }),
    vscode.commands.registerCommand('weakrefLessons.revealSolution', async (arg?: unknown) => {
      const lesson = await exerciseLesson(arg);
      if (!lesson) return undefined;
      // A read-only document: the reference stays intact and the learner's file untouched.
      const variant = variantOf(lesson, arg);
      const uri = solutionUri(lesson, variant);
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.languages.setTextDocumentLanguage(doc, variant.language);
      await vscode.window.showTextDocument(doc, { preview: true, viewColumn: vscode.ViewColumn.Beside });
      return uri;
    }),
  );
  return { learnerFile, onDidCheck: checked.event };
}
