// Which front end a file belongs to, and its cheap text pre-check. Kept apart from the engines so
// that the extension host can ask without bundling a parser.
import { mightUseWeakApis } from './javascript/precheck';
import { mightUsePythonWeakrefs } from './python/precheck';

export type SourceLanguage = 'javascript' | 'python';

export function isPythonFile(fileName: string): boolean {
  return /\.py$/i.test(fileName);
}

export function languageOfFile(fileName: string, languageId?: string): SourceLanguage {
  return languageId === 'python' || (languageId === undefined && isPythonFile(fileName)) ? 'python' : 'javascript';
}

/** The text pre-check of the file's language: false means no finding is possible. */
export function mightNeedLinting(text: string, fileName: string, languageId?: string): boolean {
  return languageOfFile(fileName, languageId) === 'python' ? mightUsePythonWeakrefs(text) : mightUseWeakApis(text);
}
