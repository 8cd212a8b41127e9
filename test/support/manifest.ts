// package.json as VS Code shows it: every "%key%" replaced by its text from package.nls.json.
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/** Strings that are exactly "%key%" are placeholders, as VS Code reads them; nothing else is. */
export const PLACEHOLDER = /^%([^%\s]+)%$/;

export function readJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8'));
}

export function localize(value: unknown, nls: Record<string, string>): unknown {
  if (typeof value === 'string') {
    const key = PLACEHOLDER.exec(value)?.[1];
    if (key === undefined) return value;
    if (!(key in nls)) throw new Error(`package.json uses %${key}%, which package.nls.json does not define`);
    return nls[key];
  }
  if (Array.isArray(value)) return value.map((v) => localize(v, nls));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, localize(v, nls)]));
  return value;
}

export function localizedManifest<T>(): T {
  return localize(readJson('package.json'), readJson('package.nls.json') as Record<string, string>) as T;
}
