// A terminal that shows one run of an example (node or python, started by the process runner,
// no shell), and keeps the output on screen after the process ends (a terminal whose shell
// exits with code 0 would otherwise close and take the output with it).
import * as path from 'path';
import * as vscode from 'vscode';
import {
  argvOf,
  describeEnd,
  NODE_PROGRAM,
  PYTHON_PROGRAM,
  startRun,
  type Invocation,
  type Run,
  type RunEnd,
} from '../process/run';
import { runtimeOf } from '../runner/pythonCommand';

/** Starts node or python on the example with the one process runner; output streams to onData. */
export function startExampleRun(
  invocation: Invocation,
  cwd: string,
  onData: (text: string) => void,
  stdin = false,
): Run {
  const program = runtimeOf(invocation.file) === 'python' ? PYTHON_PROGRAM : NODE_PROGRAM;
  return startRun(invocation.command, argvOf(invocation), {
    program,
    cwd,
    env: { FORCE_COLOR: '0' },
    stdin,
    onOutput: onData,
  });
}

/** The line shown under a run's output. */
export function endNote(end: RunEnd): string {
  return end.reason === 'not-started' ? end.startError! : `[${describeEnd(end)}]`;
}

export function createExampleTerminal(
  name: string,
  invocation: Invocation,
  displayFile: string,
  onStart: (run: Run) => void,
): vscode.Terminal {
  const write = new vscode.EventEmitter<string>();
  let run: Run | undefined;
  const toTerminal = (text: string) => text.replace(/\r?\n/g, '\r\n');

  const pty: vscode.Pseudoterminal = {
    onDidWrite: write.event,
    open: () => {
      write.fire(
        `\x1b[2m$ ${path.basename(invocation.command)} ${invocation.args.join(' ')} ${displayFile}\x1b[0m\r\n`,
      );
      run = startExampleRun(invocation, path.dirname(invocation.file), (text) => write.fire(toTerminal(text)), true);
      void run.done.then((end) => write.fire(`\r\n\x1b[2m${endNote(end)}\x1b[0m\r\n`));
      onStart(run);
    },
    close: () => run?.stop(),
    handleInput: (data) => {
      // Ctrl+C interrupts the example, as it would in a shell.
      if (data === '\x03') run?.interrupt();
      else run?.write(data === '\r' ? '\n' : data);
    },
  };
  return vscode.window.createTerminal({ name, pty, iconPath: new vscode.ThemeIcon('debug-start') });
}
