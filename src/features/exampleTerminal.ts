// A terminal that runs one node process without any shell: arguments go straight to
// spawn(), and the output stays on screen after the process ends (a terminal whose
// shell exits with code 0 would otherwise close and take the output with it).
import { spawn, type ChildProcess } from 'child_process';
import * as path from 'path';
import * as vscode from 'vscode';
import type { NodeInvocation } from '../runner/nodeCommand';
import type { RunResult } from './services';

export interface NodeProcess {
  kill(signal?: NodeJS.Signals): void;
  write(data: string): void;
}

/** Starts node with the given arguments, no shell; streams its output and reports the end once. */
export function runNodeProcess(
  invocation: NodeInvocation,
  cwd: string,
  onData: (text: string) => void,
  onFinish: (result: RunResult, note: string) => void,
): NodeProcess {
  let child: ChildProcess | undefined;
  let output = '';
  let finished = false;
  const finish = (exitCode: number | null, note: string) => {
    if (finished) return;
    finished = true;
    onFinish({ file: invocation.args[invocation.args.length - 1], exitCode, output }, note);
  };
  try {
    child = spawn(invocation.command, invocation.args, { cwd, shell: false, windowsHide: true, env: { ...process.env, FORCE_COLOR: '0' } });
  } catch (e) {
    finish(null, `Could not start "${invocation.command}": ${e instanceof Error ? e.message : String(e)}`);
    return { kill() {}, write() {} };
  }
  const data = (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    output += text;
    onData(text);
  };
  child.stdout?.on('data', data);
  child.stderr?.on('data', data);
  child.on('error', (err) => finish(null, `Could not start "${invocation.command}": ${err.message}`));
  child.on('close', (code, signal) => finish(code, signal ? `[stopped by ${signal}]` : `[exited with code ${code}]`));
  return {
    kill: (signal) => {
      if (child && child.exitCode === null) child.kill(signal);
    },
    write: (text) => {
      if (child?.stdin?.writable) child.stdin.write(text);
    },
  };
}

export function createExampleTerminal(
  name: string,
  invocation: NodeInvocation,
  cwd: string,
  displayFile: string,
  onFinish: (result: RunResult) => void,
): vscode.Terminal {
  const write = new vscode.EventEmitter<string>();
  let proc: NodeProcess | undefined;
  const toTerminal = (text: string) => text.replace(/\r?\n/g, '\r\n');

  const pty: vscode.Pseudoterminal = {
    onDidWrite: write.event,
    open: () => {
      write.fire(`\x1b[2m$ ${path.basename(invocation.command)} ${invocation.args.slice(0, -1).join(' ')} ${displayFile}\x1b[0m\r\n`);
      proc = runNodeProcess(
        invocation,
        cwd,
        (text) => write.fire(toTerminal(text)),
        (result, note) => {
          write.fire(`\r\n\x1b[2m${note}\x1b[0m\r\n`);
          onFinish(result);
        },
      );
    },
    close: () => proc?.kill(),
    handleInput: (data) => {
      // Ctrl+C stops the example, as it would in a shell.
      if (data === '\x03') proc?.kill('SIGINT');
      else proc?.write(data === '\r' ? '\n' : data);
    },
  };
  return vscode.window.createTerminal({ name, pty, iconPath: new vscode.ThemeIcon('debug-start') });
}
