// One entry for every consumer (CLI, lint worker): pick the front end from the file name, or from
// VS Code's languageId when there is one.
import { analyze, createDocumentAnalyzer, type DocumentAnalyzer } from './analyze';
import { languageOfFile } from './languages';
import { analyzePython, analyzePythonText } from './python/index';
import type { AnalysisFailure, AnalyzeOptions, Finding } from './types';

export function analyzeFile(text: string, fileName: string, options?: AnalyzeOptions, languageId?: string): Finding[] {
  return languageOfFile(fileName, languageId) === 'python' ? analyzePython(text, options) : analyze(text, fileName, options);
}

/**
 * A per-document analyzer. JavaScript keeps the last parse and re-parses only what changed; a
 * Python document is parsed whole each time (see docs/PYTHON-PARSER.md for the cost).
 */
export function createFileAnalyzer(fileName: string, languageId?: string): DocumentAnalyzer {
  if (languageOfFile(fileName, languageId) === 'javascript') return createDocumentAnalyzer(fileName);
  let failure: AnalysisFailure | undefined;
  return {
    get failure() {
      return failure;
    },
    update(text, _changes, options) {
      const result = analyzePythonText(text, options);
      failure = result.failure;
      return result.findings;
    },
  };
}
