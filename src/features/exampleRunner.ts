// The one place code is run: lesson examples and, on request, the active JavaScript (or Python)
// file. One run at a time: a new run stops the one before, and Stop (a command, with a button
// wherever Run is) ends it, in a terminal or, in Restricted Mode, in the output channel.
import * as path from 'path';
import * as vscode from 'vscode';
import { buildNodeInvocation, InvalidSettingError } from '../runner/nodeCommand';
import { probeNode, type NodeProbe } from '../runner/nodeProbe';
import { ExampleCopies, type CopyState } from '../runner/exampleCopies';
import { isInsideAny } from '../runner/paths';
import { buildPythonInvocation, runtimeOf } from '../runner/pythonCommand';
import { probePython, type PythonProbe } from '../runner/pythonProbe';
import type { Invocation, Run, RunEnd } from '../process/run';
import { exampleCopiesFolder, runnableRoots } from './ownFolders';
import { saveIfDirty } from './saveIfDirty';
import { createExampleTerminal, endNote, startExampleRun } from './exampleTerminal';
import {
  exampleFromArg,
  type ExampleRunner,
  type LessonServices,
  type ProgressStore,
  type RunResult,
} from './services';
import type { Lesson, LessonExample } from '../lessons/types';

const TERMINAL_NAME = 'Weak References';
/** Context key: true while a run can be stopped (shows the Stop buttons). */
const RUNNING_KEY = 'weakrefLessons.exampleRunning';

export function createExampleRunner(
  context: vscode.ExtensionContext,
  output: vscode.OutputChannel,
  progress: ProgressStore,
): ExampleRunner & vscode.Disposable {
  const finished = new vscode.EventEmitter<RunResult>();
  const probes = new Map<string, Promise<NodeProbe | PythonProbe>>();
  const copies = new ExampleCopies(exampleCopiesFolder(context));
  let terminal: vscode.Terminal | undefined;
  let current: { run: Run; file: string } | undefined;

  const setCurrent = (next: { run: Run; file: string } | undefined) => {
    current = next;
    void vscode.commands.executeCommand('setContext', RUNNING_KEY, !!next);
  };

  context.subscriptions.push(
    finished,
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('weakrefLessons.nodePath') || e.affectsConfiguration('weakrefLessons.pythonPath'))
        probes.clear();
    }),
    vscode.window.onDidCloseTerminal((t) => {
      if (t === terminal) terminal = undefined;
    }),
  );

  async function isUsable(runtime: 'node' | 'python', command: string): Promise<boolean> {
    const key = `${runtime}:${command}`;
    let probe = probes.get(key);
    if (!probe) probes.set(key, (probe = runtime === 'python' ? probePython(command) : probeNode(command)));
    const result = await probe;
    if (result.ok) return true;
    probes.delete(key); // the learner may fix it; ask again next time
    output.appendLine(`[runner] ${result.message}`);
    const openSetting = vscode.l10n.t('Open Setting');
    const choice = await vscode.window.showErrorMessage(result.message, openSetting);
    if (choice === openSetting)
      void vscode.commands.executeCommand('workbench.action.openSettings', `weakrefLessons.${runtime}Path`);
    return false;
  }

  async function preparePython(file: string): Promise<Invocation | undefined> {
    const invocation = buildPythonInvocation(
      vscode.workspace.getConfiguration('weakrefLessons').get('pythonPath'),
      file,
    );
    return (await isUsable('python', invocation.command)) ? invocation : undefined;
  }

  async function prepareNode(file: string): Promise<Invocation | undefined> {
    const config = vscode.workspace.getConfiguration('weakrefLessons');
    let invocation;
    try {
      invocation = buildNodeInvocation(config.get('nodePath'), config.get('nodeArgs'), file);
    } catch (e) {
      const message = e instanceof InvalidSettingError ? e.message : String(e);
      const openSetting = vscode.l10n.t('Open Setting');
      const choice = await vscode.window.showErrorMessage(message, openSetting);
      if (choice === openSetting)
        void vscode.commands.executeCommand('workbench.action.openSettings', 'weakrefLessons.nodeArgs');
      return undefined;
    }
    return (await isUsable('node', invocation.command)) ? invocation : undefined;
  }

  /** Stops the current run, if any; true if there was one. */
  function stop(): boolean {
    const run = current?.run;
    if (!run) return false;
    run.stop();
    return true;
  }

  /** Takes a started run as the current one, and reports its end. */
  function track(run: Run, file: string, onEnd: (end: RunEnd) => void): void {
    setCurrent({ run, file });
    void run.done.then((end) => {
      if (current?.run === run) setCurrent(undefined);
      onEnd(end);
      finished.fire({ file, exitCode: end.code, output: end.output, stopped: end.reason === 'stopped' });
    });
  }

  async function start(file: string, displayName: string): Promise<boolean> {
    const invocation = runtimeOf(file) === 'python' ? await preparePython(file) : await prepareNode(file);
    if (!invocation) return false;
    stop(); // one run at a time: a second Run replaces the first
    output.appendLine(
      `[runner] ${invocation.command} ${[...invocation.args, invocation.file].map((a) => JSON.stringify(a)).join(' ')}`,
    );
    if (!vscode.workspace.isTrusted) {
      // VS Code asks the user to trust the whole workspace before it opens any terminal. The
      // run itself is already consented to, so in Restricted Mode it goes to the output channel.
      output.show(true);
      output.appendLine(
        `$ ${path.basename(invocation.command)} ${invocation.args.join(' ')} ${displayName}   (Restricted Mode: shown here instead of a terminal)`,
      );
      const run = startExampleRun(invocation, path.dirname(file), (text) => output.append(text));
      track(run, file, (end) => output.appendLine(`\n${endNote(end)}`));
      return true;
    }
    terminal?.dispose();
    terminal = createExampleTerminal(TERMINAL_NAME, invocation, displayName, (run) =>
      track(run, file, (end) =>
        output.appendLine(
          `[runner] ${displayName} ${end.reason === 'not-started' ? endNote(end) : `ended: ${endNote(end)}`}`,
        ),
      ),
    );
    terminal.show(true);
    return true;
  }

  /** Unedited copies follow the lesson; an edited copy whose original changed is offered the new version. */
  async function bringUpToDate(lesson: Lesson, example: LessonExample): Promise<void> {
    const outdated = await copies.update(lesson.id, example.file);
    if (outdated.length) void offerRefresh(lesson, outdated);
  }

  async function offerRefresh(lesson: Lesson, outdated: CopyState[]): Promise<void> {
    const names = outdated.map((s) => path.basename(s.copy)).join(', ');
    const replace = vscode.l10n.t('Replace My Copy');
    const choice = await vscode.window.showInformationMessage(
      vscode.l10n.t(
        "The lesson's version of {0} has changed since you copied it. Your edited copy is kept and is what runs.",
        names,
      ),
      replace,
      vscode.l10n.t('Keep Mine'),
    );
    if (choice !== replace) return;
    for (const s of outdated) await copies.refresh(lesson.id, s.original);
  }

  return {
    onDidFinishRun: finished.event,
    prepareNode,
    preparePython,
    stop,
    get running() {
      return current && { pid: current.run.pid, file: current.file };
    },
    async runExample(lesson, example) {
      const copy = copies.copyPath(lesson.id, example.file);
      // Unsaved edits are edits: saved first, so an update never replaces them on disk.
      if (!(await saveIfDirty(copy))) return false;
      // The learner's copy is what runs, once there is one (brought up to date if unedited).
      const state = await copies.state(lesson.id, example.file);
      if (state.exists) await bringUpToDate(lesson, example);
      const file = state.exists ? copy : example.file;
      const started = await start(file, `${lesson.id}/${path.basename(file)}`);
      if (started) await progress.markExampleRun(lesson.id, example.id);
      return started;
    },
    async runFile(uri) {
      if (uri.scheme !== 'file') {
        void vscode.window.showErrorMessage(
          vscode.l10n.t('Only files saved on disk can be run. Save this file first.'),
        );
        return false;
      }
      const file = uri.fsPath;
      if (!vscode.workspace.isTrusted && !isInsideAny(file, runnableRoots(context))) {
        const runOnce = vscode.l10n.t('Run Once');
        const choice = await vscode.window.showWarningMessage(
          vscode.l10n.t(
            'This workspace is in Restricted Mode. Run "{0}" with {1} anyway?',
            path.basename(file),
            runtimeOf(file),
          ),
          {
            modal: true,
            detail: vscode.l10n.t(
              'The file comes from the workspace, which you have not marked as trusted. Running it gives it the same access to your machine as any program you start.',
            ),
          },
          runOnce,
        );
        if (choice !== runOnce) return false;
      }
      if (!(await saveIfDirty(file))) return false;
      return start(file, path.basename(file));
    },
    async editableCopy(lesson, example) {
      // Edits that could not be saved must not meet an update of the file under them.
      const saved = await saveIfDirty(copies.copyPath(lesson.id, example.file));
      const state = await copies.state(lesson.id, example.file);
      if (saved && state.exists) await bringUpToDate(lesson, example);
      // Only this example is copied, with the files beside it that it requires.
      return vscode.Uri.file(await copies.create(lesson.id, example.file));
    },
    dispose() {
      stop();
      terminal?.dispose();
    },
  };
}

/** Tree and palette commands, the editor-title button and the CodeLens for example files. */
export function registerRunnerCommands(services: LessonServices): void {
  const { context, catalog, runner, output } = services;
  const isExampleFile = (uri: vscode.Uri | undefined) =>
    !!uri &&
    uri.scheme === 'file' &&
    /\.((c|m)?js|py)$/.test(uri.fsPath) &&
    isInsideAny(uri.fsPath, runnableRoots(context));

  const pickExample = async (arg: unknown) => {
    const found = exampleFromArg(catalog, arg);
    if (found || arg !== undefined) return found;
    const items = catalog
      .get()
      .lessons.flatMap((lesson) =>
        lesson.examples.map((example) => ({ label: example.title, description: lesson.title, lesson, example })),
      );
    return vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Choose an example to run') });
  };

  const updateContext = (editor: vscode.TextEditor | undefined) =>
    void vscode.commands.executeCommand(
      'setContext',
      'weakrefLessons.isExampleFile',
      isExampleFile(editor?.document.uri),
    );
  updateContext(vscode.window.activeTextEditor);

  const codeLensChanged = new vscode.EventEmitter<void>();
  context.subscriptions.push(
    codeLensChanged,
    vscode.window.onDidChangeActiveTextEditor(updateContext),
    vscode.commands.registerCommand('weakrefLessons.runExample', async (arg?: unknown) => {
      const found = await pickExample(arg);
      if (!found) {
        if (arg !== undefined)
          void vscode.window.showErrorMessage(vscode.l10n.t('That example is not in the lesson catalogue.'));
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
        void vscode.window.showInformationMessage(vscode.l10n.t('Open a JavaScript file to run it with --expose-gc.'));
        return false;
      }
      return runner.runFile(target);
    }),
    vscode.commands.registerCommand('weakrefLessons.stopExample', () => runner.stop()),
    vscode.commands.registerCommand('weakrefLessons.showOutput', () => output.show(true)),
    vscode.languages.registerCodeLensProvider(
      [
        { scheme: 'file', language: 'javascript' },
        { scheme: 'file', language: 'python' },
      ],
      {
        onDidChangeCodeLenses: codeLensChanged.event,
        provideCodeLenses(document) {
          if (!isExampleFile(document.uri)) return [];
          return [
            new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), {
              title:
                runtimeOf(document.uri.fsPath) === 'python'
                  ? vscode.l10n.t('$(play) Run with python3')
                  : vscode.l10n.t('$(play) Run with --expose-gc'),
              command: 'weakrefLessons.runActiveFile',
              arguments: [document.uri],
            }),
          ];
        },
      },
    ),
  );
}
