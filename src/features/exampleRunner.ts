// The one place code is run: lesson examples and, on request, the active JavaScript (or Python)
// file. One run at a time: a new run stops the one before, and Stop (a command, with a button
// wherever Run is) ends it, in a terminal or, in Restricted Mode, in the output channel.
// The parts: RuntimeCheck (which node/python3), CurrentRun (the run and its events),
// LearnerCopies (the learner's copies of examples); the commands are in ./runnerCommands.ts.
import * as path from 'path';
import * as vscode from 'vscode';
import { runtimeOf } from '../runner/pythonCommand';
import { exampleCopiesFolder } from './ownFolders';
import { mayRunInWorkspace } from './restrictedRun';
import { saveIfDirty } from './saveIfDirty';
import { createExampleTerminal, endNote, startExampleRun } from './exampleTerminal';
import { CurrentRun } from './currentRun';
import { LearnerCopies } from './learnerCopies';
import { RuntimeCheck } from './runtimeCheck';
import type { ExampleRunner, ProgressStore } from './services';

const TERMINAL_NAME = 'Weak References';

export function createExampleRunner(
  context: vscode.ExtensionContext,
  output: vscode.OutputChannel,
  progress: ProgressStore,
): ExampleRunner & vscode.Disposable {
  const runtimes = new RuntimeCheck(output);
  const current = new CurrentRun();
  const copies = new LearnerCopies(exampleCopiesFolder(context));
  let terminal: vscode.Terminal | undefined;
  context.subscriptions.push(
    runtimes,
    copies,
    vscode.window.onDidCloseTerminal((t) => {
      if (t === terminal) terminal = undefined;
    }),
  );

  /** In Restricted Mode VS Code asks to trust the whole workspace before any terminal opens; the run itself is consented to, so it shows in the output channel. */
  function startInOutput(invocation: Parameters<typeof startExampleRun>[0], file: string, displayName: string): void {
    output.show(true);
    output.appendLine(
      `$ ${path.basename(invocation.command)} ${invocation.args.join(' ')} ${displayName}   (Restricted Mode: shown here instead of a terminal)`,
    );
    const run = startExampleRun(invocation, path.dirname(file), (text) => output.append(text));
    current.track(run, file, (end) => output.appendLine(`\n${endNote(end)}`));
  }

  function startInTerminal(invocation: Parameters<typeof startExampleRun>[0], file: string, displayName: string): void {
    terminal?.dispose();
    terminal = createExampleTerminal(TERMINAL_NAME, invocation, displayName, (run) =>
      current.track(run, file, (end) =>
        output.appendLine(
          `[runner] ${displayName} ${end.reason === 'not-started' ? endNote(end) : `ended: ${endNote(end)}`}`,
        ),
      ),
    );
    terminal.show(true);
  }

  async function start(file: string, displayName: string): Promise<boolean> {
    const invocation =
      runtimeOf(file) === 'python' ? await runtimes.preparePython(file) : await runtimes.prepareNode(file);
    if (!invocation) return false;
    current.stop(); // one run at a time: a second Run replaces the first
    output.appendLine(
      `[runner] ${invocation.command} ${[...invocation.args, invocation.file].map((a) => JSON.stringify(a)).join(' ')}`,
    );
    if (vscode.workspace.isTrusted) startInTerminal(invocation, file, displayName);
    else startInOutput(invocation, file, displayName);
    return true;
  }

  /** Asks before running a workspace file in Restricted Mode; true when it may run. */
  const mayRun = (file: string) =>
    mayRunInWorkspace(
      context,
      file,
      vscode.l10n.t(
        'This workspace is in Restricted Mode. Run "{0}" with {1} anyway?',
        path.basename(file),
        runtimeOf(file),
      ),
    );

  return {
    onDidFinishRun: current.onDidFinish,
    onDidChangeRunning: current.onDidChangeRunning,
    onDidChangeCopies: copies.onDidChange,
    prepareNode: (file) => runtimes.prepareNode(file),
    preparePython: (file) => runtimes.preparePython(file),
    stop: () => current.stop(),
    get running() {
      return current.running;
    },
    async runExample(lesson, example) {
      const file = await copies.fileToRun(lesson, example);
      if (!file) return false;
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
      if (!(await mayRun(file)) || !(await saveIfDirty(file))) return false;
      return start(file, path.basename(file));
    },
    editableCopy: (lesson, example) => copies.editableCopy(lesson, example),
    editedExamples: (lesson) => copies.editedExamples(lesson),
    restoreOriginal: (lesson, example) => copies.restoreOriginal(lesson, example),
    dispose() {
      current.dispose();
      terminal?.dispose();
    },
  };
}
