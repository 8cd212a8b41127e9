// Wires the features together; each feature registers itself and owns its disposables.
import * as vscode from 'vscode';
import { createCatalogStore } from './features/catalogStore';
import { createProgressStore } from './features/progress';
import { registerLessonTree } from './features/lessonTree';
import { createExampleRunner, registerRunnerCommands } from './features/runner';
import { registerLessonView } from './features/lessonView';
import { registerExercises } from './features/exercises';
import { registerLinter } from './features/linter';
import type { LessonServices } from './features/services';

export function activate(context: vscode.ExtensionContext): LessonServices {
  const output = vscode.window.createOutputChannel('Weak References');
  context.subscriptions.push(output);
  const catalog = createCatalogStore(context, output);
  const progress = createProgressStore(context, catalog);
  const runner = createExampleRunner(context, output, progress);
  context.subscriptions.push(runner);
  const services: LessonServices = { context, catalog, progress, runner, output };

  registerLessonTree(services);
  registerRunnerCommands(services);
  registerLessonView(services);
  registerExercises(services);
  registerLinter(context, output);
  // Returned so extension-host tests can reach the services without a second code path.
  return services;
}

export function deactivate(): void {}
