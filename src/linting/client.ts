// The host side of the lint worker: request ids, a time limit, and a restart when the
// worker dies, so a crash in the engine costs one file's diagnostics and never the host.
import { Worker, type ResourceLimits } from 'worker_threads';
import type { LintJob, LintRequest, LintResponse, WorkerRequest } from './protocol';

export interface LintClientOptions {
  /** Milliseconds before a request is given up and its worker restarted; 0 waits for ever. */
  timeoutMs?: number;
  resourceLimits?: ResourceLimits;
}

interface Pending {
  resolve(r: LintResponse): void;
  timer?: NodeJS.Timeout;
}

/** One worker and the requests sent to it: a timeout or a crash ends only this worker's requests. */
interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
  /** Why it stopped, once it has; later answers and timers of its requests change nothing else. */
  stopped?: string;
}

export class LintClient {
  private slot: Slot | undefined;
  private nextId = 1;
  private readonly timeoutMs: number;
  private readonly resourceLimits: ResourceLimits | undefined;

  constructor(
    private readonly workerFile: string,
    private readonly log: (line: string) => void,
    options: LintClientOptions | number = {},
  ) {
    const o = typeof options === 'number' ? { timeoutMs: options } : options;
    this.timeoutMs = o.timeoutMs ?? 20_000;
    this.resourceLimits = o.resourceLimits;
  }

  private start(): Slot {
    if (this.slot) return this.slot;
    const worker = new Worker(this.workerFile, this.resourceLimits ? { resourceLimits: this.resourceLimits } : {});
    const slot: Slot = { worker, pending: new Map() };
    worker.on('message', (r: LintResponse) => {
      const p = slot.pending.get(r.id);
      if (!p) return;
      clearTimeout(p.timer);
      slot.pending.delete(r.id);
      this.refWhileBusy(slot);
      p.resolve(r);
    });
    worker.on('error', (e) => this.stop(slot, String(e?.message ?? e)));
    worker.on('exit', (code) => this.stop(slot, `exit code ${code}`));
    // Idle, the worker must not keep a process (the CLI) alive; busy, it must.
    worker.unref();
    this.slot = slot;
    return slot;
  }

  private refWhileBusy(slot: Slot): void {
    if (slot.stopped) return;
    if (slot.pending.size > 0) slot.worker.ref();
    else slot.worker.unref();
  }

  /** Ends one worker: every request still waiting on it is answered with why. */
  private stop(slot: Slot, why: string): void {
    if (slot.stopped) return;
    slot.stopped = why;
    if (this.slot === slot) this.slot = undefined;
    this.log(`[linter] the lint worker stopped (${why}); it restarts on the next request`);
    for (const [id, p] of slot.pending) {
      clearTimeout(p.timer);
      p.resolve({ id, findings: [], error: `the lint worker stopped (${why})`, elapsedMs: 0 });
    }
    slot.pending.clear();
    void slot.worker.terminate();
  }

  lint(job: LintJob): Promise<LintResponse> {
    const slot = this.start();
    const id = this.nextId++;
    return new Promise((resolve) => {
      const pending: Pending = { resolve };
      if (this.timeoutMs > 0) {
        pending.timer = setTimeout(() => {
          if (!slot.pending.delete(id)) return;
          this.log(`[linter] ${job.fileName}: no answer within ${this.timeoutMs} ms; restarting the worker`);
          resolve({ id, findings: [], error: `timed out after ${this.timeoutMs} ms`, elapsedMs: this.timeoutMs });
          // Only the worker this request went to: a newer worker is none of this timer's business.
          this.stop(slot, `a request timed out after ${this.timeoutMs} ms`);
        }, this.timeoutMs);
      }
      slot.pending.set(id, pending);
      this.refWhileBusy(slot);
      const req: LintRequest = { type: 'lint', id, ...job };
      slot.worker.postMessage(req satisfies WorkerRequest);
    });
  }

  forget(key: string): void {
    this.slot?.worker.postMessage({ type: 'forget', key } satisfies WorkerRequest);
  }

  dispose(): void {
    const slot = this.slot;
    if (!slot) return;
    slot.stopped = 'disposed';
    this.slot = undefined;
    for (const p of slot.pending.values()) clearTimeout(p.timer);
    slot.pending.clear();
    void slot.worker.terminate();
  }
}
