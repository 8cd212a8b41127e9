// The runner's commands: from the tree, the palette and the lesson page, the editor-title
// buttons for JavaScript and Python files, and the CodeLens on lesson example files.
import * as vscode from 'vscode';
import { isInsideAny } from '../runner/paths';
import { runtimeOf } from '../runner/pythonCommand';
import { exampleChoices } from '../lessons/exampleChoices';
import { runnableRoots } from './ownFolders';
import { exampleFromArg, type LessonServices } from './services';

export function registerRunnerCommands(services: LessonServices): void {
  const { context, catalog, runner, output, language } = services;
  const isExampleFile = (uri: vscode.Uri | undefined) =>
    !!uri &&
    uri.scheme === 'file' &&
    /\.((c|m)?js|py)$/.test(uri.fsPath) &&
    isInsideAny(uri.fsPath, runnableRoots(context));

  const pickExample = async (arg: unknown, placeHolder: string) => {
    const found = exampleFromArg(catalog, arg);
    if (found || arg !== undefined) return found;
    return vscode.window.showQuickPick(exampleChoices(catalog.get().lessons, language.get()), {
      placeHolder,
      matchOnDescription: true,
    });
  };

  const updateContext = (editor: vscode.TextEditor | undefined) =>
    void vscode.commands.executeCommand(
      'setContext',
      'weakrefLessons.isExampleFile',
      isExampleFile(editor?.document.uri),
    );
  updateContext(vscode.window.activeTextEditor);

  const runActiveFile = async (uri?: vscode.Uri) => {
    const target = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
    if (!target) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a JavaScript or Python file to run it.'));
      return false;
    }
    return runner.runFile(target);
  };

  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(updateContext),
    vscode.commands.registerCommand('weakrefLessons.runExample', async (arg?: unknown) => {
      const found = await pickExample(arg, vscode.l10n.t('Choose an example to run'));
      if (!found) {
        if (arg !== undefined)
          void vscode.window.showErrorMessage(vscode.l10n.t('That example is not in the lesson catalogue.'));
        return false;
      }
      return runner.runExample(found.lesson, found.example);
    }),
    vscode.commands.registerCommand('weakrefLessons.openExample', async (arg?: unknown) => {
      const found = await pickExample(arg, vscode.l10n.t('Choose an example to open as your own editable copy'));
      if (!found) return undefined;
      const uri = await runner.editableCopy(found.lesson, found.example);
      await vscode.window.showTextDocument(uri, { preview: false });
      return uri;
    }),
    vscode.commands.registerCommand('weakrefLessons.restoreExample', async (arg?: unknown) => {
      const found = exampleFromArg(catalog, arg);
      return found ? runner.restoreOriginal(found.lesson, found.example) : false;
    }),
    // Two commands for one action, so each editor-title button says what it runs with.
    vscode.commands.registerCommand('weakrefLessons.runActiveFile', runActiveFile),
    vscode.commands.registerCommand('weakrefLessons.runActivePythonFile', runActiveFile),
    vscode.commands.registerCommand('weakrefLessons.stopExample', () => runner.stop()),
    vscode.commands.registerCommand('weakrefLessons.showOutput', () => output.show(true)),
    vscode.languages.registerCodeLensProvider(
      [
        { scheme: 'file', language: 'javascript' },
        { scheme: 'file', language: 'python' },
      ],
      {
        provideCodeLenses(document) {
          if (!isExampleFile(document.uri)) return [];
          const python = runtimeOf(document.uri.fsPath) === 'python';
          return [
            new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), {
              title: python ? vscode.l10n.t('$(play) Run with python3') : vscode.l10n.t('$(play) Run with --expose-gc'),
              command: python ? 'weakrefLessons.runActivePythonFile' : 'weakrefLessons.runActiveFile',
              arguments: [document.uri],
            }),
          ];
        },
      },
    ),
  );
}
