// One entry for every consumer (CLI, lint worker): pick the front end from the file name, or from
// VS Code's languageId when there is one.
import { analyzeText, createDocumentAnalyzer, type DocumentAnalyzer } from './javascript/analyze';
import { languageOfFile } from './languages';
import { analyzePythonText } from './python/index';
import type { AnalysisFailure, AnalysisResult, AnalyzeOptions, Finding } from './types';

/** The findings, or why the file could not be analysed, from the front end of the file's language. */
export function analyzeFileText(
  text: string,
  fileName: string,
  options?: AnalyzeOptions,
  languageId?: string,
): AnalysisResult {
  return languageOfFile(fileName, languageId) === 'python'
    ? analyzePythonText(text, options)
    : analyzeText(text, fileName, options);
}

export function analyzeFile(text: string, fileName: string, options?: AnalyzeOptions, languageId?: string): Finding[] {
  return analyzeFileText(text, fileName, options, languageId).findings;
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
