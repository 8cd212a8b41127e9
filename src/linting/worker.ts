// The lint worker's entry point (bundled as dist/lintWorker.js). One incremental analyzer per
// open document, so a keystroke re-parses only what changed.
import { parentPort } from 'worker_threads';
import { createFileAnalyzer } from '../analysis/index';
import type { LintResponse, WorkerRequest } from './protocol';

type Analyzer = ReturnType<typeof createFileAnalyzer>;
const analyzers = new Map<string, { fileName: string; analyzer: Analyzer }>();

parentPort?.on('message', (req: WorkerRequest) => {
  if (req.type === 'forget') {
    analyzers.delete(req.key);
    return;
  }
  const started = performance.now();
  let response: LintResponse;
  try {
    let entry = analyzers.get(req.key);
    if (!entry || entry.fileName !== req.fileName) {
      entry = { fileName: req.fileName, analyzer: createFileAnalyzer(req.fileName) };
      analyzers.set(req.key, entry);
    }
    const findings = entry.analyzer.update(req.text, req.changes, req.options);
    response = { id: req.id, findings, elapsedMs: performance.now() - started };
  } catch (e) {
    // The next request starts from a clean parse.
    analyzers.delete(req.key);
    response = { id: req.id, findings: [], error: String((e as Error)?.message ?? e), elapsedMs: performance.now() - started };
  }
  parentPort?.postMessage(response);
});
