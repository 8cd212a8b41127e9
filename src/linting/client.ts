// The host side of the lint worker: request ids, a time limit, and a restart when the
// worker dies, so a crash in the engine costs one file's diagnostics and never the host.
import { Worker } from 'worker_threads';
import type { AnalyzeOptions, TextChange } from '../analysis/types';
import type { LintRequest, LintResponse, WorkerRequest } from './protocol';

export interface LintJob {
  key: string;
  fileName: string;
  text: string;
  changes?: TextChange[];
  options: AnalyzeOptions;
}

export class LintClient {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(r: LintResponse): void; timer: NodeJS.Timeout }>();

  constructor(
    private readonly workerFile: string,
    private readonly log: (line: string) => void,
    private readonly timeoutMs = 20_000,
  ) {}

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.workerFile);
    worker.on('message', (r: LintResponse) => {
      const p = this.pending.get(r.id);
      if (!p) return;
      clearTimeout(p.timer);
      this.pending.delete(r.id);
      p.resolve(r);
    });
    const fail = (why: string) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      this.log(`[linter] the lint worker stopped (${why}); it restarts on the next change`);
      for (const [id, p] of this.pending) {
        clearTimeout(p.timer);
        p.resolve({ id, findings: [], error: why, elapsedMs: 0 });
      }
      this.pending.clear();
    };
    worker.on('error', (e) => fail(String(e?.message ?? e)));
    worker.on('exit', (code) => fail(`exit code ${code}`));
    worker.unref();
    this.worker = worker;
    return worker;
  }

  lint(job: LintJob): Promise<LintResponse> {
    const worker = this.start();
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        this.log(`[linter] ${job.fileName}: no answer within ${this.timeoutMs} ms; restarting the worker`);
        void this.worker?.terminate();
        this.worker = undefined;
        resolve({ id, findings: [], error: 'timed out', elapsedMs: this.timeoutMs });
      }, this.timeoutMs);
      this.pending.set(id, { resolve, timer });
      const req: LintRequest = { type: 'lint', id, ...job };
      worker.postMessage(req satisfies WorkerRequest);
    });
  }

  forget(key: string): void {
    this.worker?.postMessage({ type: 'forget', key } satisfies WorkerRequest);
  }

  dispose(): void {
    for (const p of this.pending.values()) clearTimeout(p.timer);
    this.pending.clear();
    void this.worker?.terminate();
    this.worker = undefined;
  }
}
