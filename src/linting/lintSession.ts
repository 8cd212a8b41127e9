// What the lint worker does with each request, without the thread around it: one incremental
// analyzer per open document. The differential test drives this same code, so what it proves
// about incremental linting holds for the worker.
import { createFileAnalyzer, type DocumentAnalyzer } from '../analysis/index';
import type { LintRequest, LintResponse } from './protocol';

export class LintSession {
  private readonly analyzers = new Map<string, { fileName: string; analyzer: DocumentAnalyzer }>();

  lint(req: LintRequest): LintResponse {
    const started = performance.now();
    try {
      let entry = this.analyzers.get(req.key);
      if (!entry || entry.fileName !== req.fileName) {
        entry = { fileName: req.fileName, analyzer: createFileAnalyzer(req.fileName) };
        this.analyzers.set(req.key, entry);
      }
      const findings = entry.analyzer.update(req.text, req.changes, req.options);
      const failure = entry.analyzer.failure;
      return { id: req.id, findings, ...(failure ? { failure } : {}), elapsedMs: performance.now() - started };
    } catch (e) {
      // The next request starts from a clean parse.
      this.analyzers.delete(req.key);
      return {
        id: req.id,
        findings: [],
        error: String((e as Error)?.message ?? e),
        elapsedMs: performance.now() - started,
      };
    }
  }

  forget(key: string): void {
    this.analyzers.delete(key);
  }
}
