// Finds the files to lint: named files as given, folders walked in a stable order.
import * as fs from 'fs';
import * as path from 'path';

export const LINTABLE = /\.(js|mjs|cjs|jsx|ts|mts|cts|tsx|py)$/i;

export interface WalkResult {
  files: string[];
  /** Inputs that could not be read, with why. */
  problems: { path: string; message: string }[];
}

export function collectFiles(inputs: string[]): WalkResult {
  const files: string[] = [];
  const problems: WalkResult['problems'] = [];
  const seen = new Set<string>();
  const add = (f: string) => {
    if (!seen.has(f)) {
      seen.add(f);
      files.push(f);
    }
  };
  const walk = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      problems.push({ path: dir, message: (e as Error).message });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
        walk(full);
      } else if (entry.isFile() && LINTABLE.test(entry.name) && !entry.name.endsWith('.d.ts')) {
        add(full);
      }
    }
  };
  for (const input of inputs) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(input);
    } catch (e) {
      problems.push({ path: input, message: (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : (e as Error).message });
      continue;
    }
    if (stat.isDirectory()) walk(input);
    else add(input);
  }
  return { files, problems };
}
