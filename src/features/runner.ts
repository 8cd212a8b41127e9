// The one place code is run: lesson examples and, on request, the active JavaScript (or Python) file.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { buildNodeInvocation, InvalidSettingError, type NodeInvocation } from '../runner/nodeCommand';
import { probeNode, type NodeProbe } from '../runner/nodeProbe';
import { buildPythonInvocation, runtimeOf } from '../runner/pythonCommand';
import { probePython, type PythonProbe } from '../runner/pythonProbe';
import { createExampleTerminal, runNodeProcess } from './exampleTerminal';
import { exampleFromArg, type ExampleRunner, type LessonServices, type ProgressStore, type RunResult } from './services';
import type { Lesson, LessonExample } from '../lessons/types';

const TERMINAL_NAME = 'Weak References';

export function createExampleRunner(
  context: vscode.ExtensionContext,
  output: vscode.OutputChannel,
  progress: ProgressStore,
): ExampleRunner & vscode.Disposable {
  const finished = new vscode.EventEmitter<RunResult>();
  const probes = new Map<string, Promise<NodeProbe | PythonProbe>>();
  let terminal: vscode.Terminal | undefined;
  const copiesRoot = () => path.join(context.globalStorageUri.fsPath, 'examples');
  const ownRoots = () => [path.join(context.extensionPath, 'lessons'), copiesRoot()];

  context.subscriptions.push(
    finished,
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('weakrefLessons.nodePath') || e.affectsConfiguration('weakrefLessons.pythonPath')) probes.clear();
    }),
    vscode.window.onDidCloseTerminal((t) => {
      if (t === terminal) terminal = undefined;
    }),
  );

  function copyPath(lesson: Lesson, example: LessonExample): string {
    return path.join(copiesRoot(), lesson.id, path.basename(example.file));
  }

  async function isUsable(runtime: 'node' | 'python', command: string): Promise<boolean> {
    const key = `${runtime}:${command}`;
    let probe = probes.get(key);
    if (!probe) probes.set(key, (probe = runtime === 'python' ? probePython(command) : probeNode(command)));
    const result = await probe;
    if (result.ok) return true;
    probes.delete(key); // the learner may fix it; ask again next time
    output.appendLine(`[runner] ${result.message}`);
    const choice = await vscode.window.showErrorMessage(result.message, 'Open Setting');
    if (choice === 'Open Setting') void vscode.commands.executeCommand('workbench.action.openSettings', `weakrefLessons.${runtime}Path`);
    return false;
  }

  async function preparePython(file: string): Promise<NodeInvocation | undefined> {
    const invocation = buildPythonInvocation(vscode.workspace.getConfiguration('weakrefLessons').get('pythonPath'), file);
    return (await isUsable('python', invocation.command)) ? invocation : undefined;
  }

  async function prepareNode(file: string): Promise<NodeInvocation | undefined> {
    const config = vscode.workspace.getConfiguration('weakrefLessons');
    let invocation;
    try {
      invocation = buildNodeInvocation(config.get('nodePath'), config.get('nodeArgs'), file);
    } catch (e) {
      const message = e instanceof InvalidSettingError ? e.message : String(e);
      const choice = await vscode.window.showErrorMessage(message, 'Open Setting');
      if (choice === 'Open Setting') void vscode.commands.executeCommand('workbench.action.openSettings', 'weakrefLessons.nodeArgs');
      return undefined;
    }
    return (await isUsable('node', invocation.command)) ? invocation : undefined;
  }

  async function start(file: string, displayName: string): Promise<boolean> {
    const invocation = runtimeOf(file) === 'python' ? await preparePython(file) : await prepareNode(file);
    if (!invocation) return false;
    output.appendLine(`[runner] ${invocation.command} ${invocation.args.map((a) => JSON.stringify(a)).join(' ')}`);
    if (!vscode.workspace.isTrusted) {
      // VS Code asks the user to trust the whole workspace before it opens any terminal. The
      // run itself is already consented to, so in Restricted Mode it goes to the output channel.
      output.show(true);
      output.appendLine(`$ ${path.basename(invocation.command)} ${invocation.args.slice(0, -1).join(' ')} ${displayName}   (Restricted Mode: shown here instead of a terminal)`);
      runNodeProcess(invocation, path.dirname(file), (text) => output.append(text), (result, note) => {
        output.appendLine(`\n${note}`);
        finished.fire(result);
      });
      return true;
    }
    terminal?.dispose();
    terminal = createExampleTerminal(TERMINAL_NAME, invocation, path.dirname(file), displayName, (result) => {
      output.appendLine(`[runner] ${displayName} exited with ${result.exitCode}`);
      finished.fire(result);
    });
    terminal.show(true);
    return true;
  }

  async function saveIfDirty(file: string): Promise<void> {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && d.uri.fsPath === file);
    if (doc?.isDirty) await doc.save();
  }

  const isOwnFile = (file: string) => ownRoots().some((root) => file.startsWith(root + path.sep));

  return {
    onDidFinishRun: finished.event,
    prepareNode,
    async runExample(lesson, example) {
      const copy = copyPath(lesson, example);
      // The learner's edited copy is what runs, once there is one.
      const file = fs.existsSync(copy) ? copy : example.file;
      await saveIfDirty(file);
      const started = await start(file, `${lesson.id}/${path.basename(file)}`);
      if (started) await progress.markExampleRun(lesson.id, example.id);
      return started;
    },
    async runFile(uri) {
      if (uri.scheme !== 'file') {
        void vscode.window.showErrorMessage('Only files saved on disk can be run. Save this file first.');
        return false;
      }
      const file = uri.fsPath;
      if (!isOwnFile(file) && !vscode.workspace.isTrusted) {
        const choice = await vscode.window.showWarningMessage(
          `This workspace is in Restricted Mode. Run "${path.basename(file)}" with ${runtimeOf(file)} anyway?`,
          { modal: true, detail: 'The file comes from the workspace, which you have not marked as trusted. Running it gives it the same access to your machine as any program you start.' },
          'Run Once',
        );
        if (choice !== 'Run Once') return false;
      }
      await saveIfDirty(file);
      return start(file, path.basename(file));
    },
    async editableCopy(lesson, example) {
      const copy = copyPath(lesson, example);
      if (!fs.existsSync(copy)) {
        await fs.promises.mkdir(path.dirname(copy), { recursive: true });
        // The example's siblings come along (an example may require() another one); files the
        // learner already has are never overwritten.
        const folder = path.dirname(example.file);
        const siblings = (await fs.promises.readdir(folder)).filter((f) => /\.(js|py)$/.test(f));
        for (const name of siblings) {
          await fs.promises.copyFile(path.join(folder, name), path.join(path.dirname(copy), name), fs.constants.COPYFILE_EXCL).catch((e: NodeJS.ErrnoException) => {
            if (e.code !== 'EEXIST') throw e;
          });
        }
      }
      return vscode.Uri.file(copy);
    },
    dispose() {
      terminal?.dispose();
    },
  };
}

/** Tree and palette commands, the editor-title button and the CodeLens for example files. */
export function registerRunnerCommands(services: LessonServices): void {
  const { context, catalog, runner, output } = services;
  const examplesRoots = () => [path.join(context.extensionPath, 'lessons'), path.join(context.globalStorageUri.fsPath, 'examples')];
  const isExampleFile = (uri: vscode.Uri | undefined) =>
    !!uri && uri.scheme === 'file' && /\.((c|m)?js|py)$/.test(uri.fsPath) && examplesRoots().some((r) => uri.fsPath.startsWith(r + path.sep));

  const pickExample = async (arg: unknown) => {
    const found = exampleFromArg(catalog, arg);
    if (found || arg !== undefined) return found;
    const items = catalog.get().lessons.flatMap((lesson) =>
      lesson.examples.map((example) => ({ label: example.title, description: lesson.title, lesson, example })),
    );
    return vscode.window.showQuickPick(items, { placeHolder: 'Choose an example to run' });
  };

  const updateContext = (editor: vscode.TextEditor | undefined) =>
    void vscode.commands.executeCommand('setContext', 'weakrefLessons.isExampleFile', isExampleFile(editor?.document.uri));
  updateContext(vscode.window.activeTextEditor);

  const codeLensChanged = new vscode.EventEmitter<void>();
  context.subscriptions.push(
    codeLensChanged,
    vscode.window.onDidChangeActiveTextEditor(updateContext),
    vscode.commands.registerCommand('weakrefLessons.runExample', async (arg?: unknown) => {
      const found = await pickExample(arg);
      if (!found) {
        if (arg !== undefined) void vscode.window.showErrorMessage('That example is not in the lesson catalogue.');
        return false;
      }
      return runner.runExample(found.lesson, found.example);
    }),
    vscode.commands.registerCommand('weakrefLessons.openExample', async (arg?: unknown) => {
      const found = await pickExample(arg);
      if (!found) return undefined;
      const uri = await runner.editableCopy(found.lesson, found.example);
      await vscode.window.showTextDocument(uri, { preview: false });
      return uri;
    }),
    vscode.commands.registerCommand('weakrefLessons.runActiveFile', async (uri?: vscode.Uri) => {
      const target = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
      if (!target) {
        void vscode.window.showInformationMessage('Open a JavaScript file to run it with --expose-gc.');
        return false;
      }
      return runner.runFile(target);
    }),
    vscode.commands.registerCommand('weakrefLessons.showOutput', () => output.show(true)),
    vscode.languages.registerCodeLensProvider(
      [{ scheme: 'file', language: 'javascript' }, { scheme: 'file', language: 'python' }],
      {
        onDidChangeCodeLenses: codeLensChanged.event,
        provideCodeLenses(document) {
          if (!isExampleFile(document.uri)) return [];
          return [
            new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), {
              title: runtimeOf(document.uri.fsPath) === 'python' ? '$(play) Run with python3' : '$(play) Run with --expose-gc',
              command: 'weakrefLessons.runActiveFile',
              arguments: [document.uri],
            }),
          ];
        },
      },
    ),
  );
}
