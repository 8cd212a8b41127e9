// The one run at a time: which process it is, the context key that shows the Stop buttons,
// and the events a run's start and end fire.
import * as vscode from 'vscode';
import type { Run, RunEnd } from '../process/run';
import type { RunResult } from './services';

/** Context key: true while a run can be stopped (shows the Stop buttons). */
const RUNNING_KEY = 'weakrefLessons.exampleRunning';

export class CurrentRun implements vscode.Disposable {
  private current: { run: Run; file: string } | undefined;
  private readonly finished = new vscode.EventEmitter<RunResult>();
  private readonly changed = new vscode.EventEmitter<boolean>();
  readonly onDidFinish = this.finished.event;
  /** Fires true when a run starts and false when nothing runs any more. */
  readonly onDidChangeRunning = this.changed.event;

  get running(): { pid: number | undefined; file: string } | undefined {
    return this.current && { pid: this.current.run.pid, file: this.current.file };
  }

  /** Stops the current run, if any; true if there was one. */
  stop(): boolean {
    const run = this.current?.run;
    if (!run) return false;
    run.stop();
    return true;
  }

  /** Takes a started run as the current one, and reports its end. */
  track(run: Run, file: string, onEnd: (end: RunEnd) => void): void {
    this.set({ run, file });
    void run.done.then((end) => {
      if (this.current?.run === run) this.set(undefined);
      onEnd(end);
      this.finished.fire({ file, exitCode: end.code, output: end.output, stopped: end.reason === 'stopped' });
    });
  }

  dispose(): void {
    this.stop();
    this.finished.dispose();
    this.changed.dispose();
  }

  private set(next: { run: Run; file: string } | undefined): void {
    this.current = next;
    void vscode.commands.executeCommand('setContext', RUNNING_KEY, !!next);
    this.changed.fire(!!next);
  }
}
