// Wires the features together; each feature registers itself and owns its disposables.
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { createCatalogStore } from './features/catalogStore';
import { createProgressStore } from './features/progressStore';
import { createLanguageChoice } from './features/languageChoice';
import { registerLessonTree, type LessonTreeProvider } from './features/lessonTree';
import { createExampleRunner } from './features/exampleRunner';
import { registerRunnerCommands } from './features/runnerCommands';
import { registerLessonView, type LessonViews } from './features/lessonView';
import { registerExercises, type ExerciseFiles } from './features/exercises';
import { registerLinter } from './features/linter';
import { registerRulePages } from './features/rulePages';
import { registerWalkthrough, type Walkthrough } from './features/walkthrough';
import { registerMemoryView, type MemoryViews } from './features/memoryView';
import type { LintResults } from './features/diagnostics';
import type { LessonServices } from './features/services';

/** What activate() returns: the services and views, so extension-host tests reach the real ones. */
export interface ExtensionApi extends LessonServices {
  tree: LessonTreeProvider;
  lessonViews: LessonViews;
  exercises: ExerciseFiles;
  lint: LintResults;
  walkthrough: Walkthrough;
  memoryView: MemoryViews;
}

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  // The lesson page is built by vscode-free modules (unit-tested without VS Code) through
  // @vscode/l10n; they read the same bundle as vscode.l10n. Absent in English: the defaults are the text.
  if (vscode.l10n.bundle) l10n.config({ contents: vscode.l10n.bundle });
  const output = vscode.window.createOutputChannel('Weak References');
  context.subscriptions.push(output);
  const catalog = createCatalogStore(context, output);
  const progress = createProgressStore(context, catalog);
  const runner = createExampleRunner(context, output, progress);
  context.subscriptions.push(runner);
  const language = createLanguageChoice(context);
  const services: LessonServices = { context, catalog, progress, language, runner, output };

  const tree = registerLessonTree(services);
  registerRunnerCommands(services);
  const lessonViews = registerLessonView(services);
  const exercises = registerExercises(services);
  const lint = registerLinter(context, output);
  registerRulePages(context, catalog);
  const walkthrough = registerWalkthrough(services, exercises);
  const memoryView = registerMemoryView(services);
  // Returned so extension-host tests can reach the services without a second code path.
  return { ...services, tree, lessonViews, exercises, lint, walkthrough, memoryView };
}

export function deactivate(): void {}
