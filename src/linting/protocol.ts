// Messages between the extension host and the lint worker. The engine runs in a worker
// thread so that parsing a large file never blocks the extension host.
import type { AnalysisFailure, AnalyzeOptions, Finding, TextChange } from '../analysis/types';

/** What a caller asks the worker to lint; the client adds the message's type and id. */
export interface LintJob {
  /** The document's URI as a string: the worker keeps one incremental analyzer per document. */
  key: string;
  fileName: string;
  text: string;
  /** Edits since the text of the previous request for this key, when known; otherwise a full parse. */
  changes?: TextChange[];
  options: AnalyzeOptions;
}

export interface LintRequest extends LintJob {
  type: 'lint';
  id: number;
}

export interface ForgetRequest {
  type: 'forget';
  key: string;
}

export type WorkerRequest = LintRequest | ForgetRequest;

export interface LintResponse {
  id: number;
  findings: Finding[];
  /** Set when the engine could not analyse this text (too deep, or a bug); findings is then empty. */
  failure?: AnalysisFailure;
  /** Set when the worker gave no answer (it stopped, or timed out); findings is then empty. */
  error?: string;
  /** Milliseconds spent in the engine, for the output channel and the bench. */
  elapsedMs: number;
}
