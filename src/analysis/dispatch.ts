// One entry for every consumer: pick the front end from the file name (or VS Code's languageId).
import { analyze } from './analyze';
import { analyzePython } from './python/index';
import type { AnalyzeOptions, Finding } from './types';

export type SourceLanguage = 'javascript' | 'python';

export function isPythonFile(fileName: string): boolean {
  return /\.py$/i.test(fileName);
}

export function languageOfFile(fileName: string, languageId?: string): SourceLanguage {
  return languageId === 'python' || (languageId === undefined && isPythonFile(fileName)) ? 'python' : 'javascript';
}

export function analyzeFile(text: string, fileName: string, options?: AnalyzeOptions, languageId?: string): Finding[] {
  return languageOfFile(fileName, languageId) === 'python' ? analyzePython(text, options) : analyze(text, fileName, options);
}
