// Finds the files to lint: named files as given, folders walked in a stable order. Each file is
// linted once however it was reached (by real path), and anything that looks lintable but is
// not linted (a FIFO, a link to a folder, a broken link) comes back as a notice, never dropped.
import * as fs from 'fs';
import * as path from 'path';
import type { CliNotice } from './notices';

export const LINTABLE = /\.(js|mjs|cjs|jsx|ts|mts|cts|tsx|py)$/i;

export interface LintTarget {
  path: string;
  /** Named on the command line rather than found in a folder: a skip is then a warning. */
  named: boolean;
}

export interface WalkResult {
  files: LintTarget[];
  /** Inputs that could not be read, and entries of walked folders that are not linted, with why. */
  notices: CliNotice[];
}

function realPath(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

export function collectFiles(inputs: string[]): WalkResult {
  const files: LintTarget[] = [];
  const notices: CliNotice[] = [];
  const seen = new Set<string>();
  const add = (f: string, named: boolean) => {
    const key = realPath(f);
    if (!seen.has(key)) {
      seen.add(key);
      files.push({ path: f, named });
    }
  };
  const skip = (file: string, message: string) => notices.push({ file, kind: 'skipped', severity: 'info', message });
  const walk = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      notices.push({ file: dir, kind: 'unreadable', severity: 'error', message: (e as Error).message });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
        walk(full);
      } else if (entry.isSymbolicLink()) {
        linked(full, entry.name);
      } else if (LINTABLE.test(entry.name) && !entry.name.endsWith('.d.ts')) {
        if (entry.isFile()) add(full, false);
        else skip(full, 'not a regular file (a FIFO, socket or device)');
      }
    }
  };
  // A link to a file is linted like the file (once, by real path); a link to a folder is not
  // followed (it could lead out of the tree or round in a cycle), and says so.
  const linked = (full: string, name: string) => {
    let target: fs.Stats;
    try {
      target = fs.statSync(full);
    } catch {
      if (LINTABLE.test(name)) skip(full, 'a broken symbolic link');
      return;
    }
    if (target.isDirectory()) {
      if (name !== 'node_modules' && !name.startsWith('.')) skip(full, 'a symbolic link to a folder, not followed');
    } else if (LINTABLE.test(name) && !name.endsWith('.d.ts')) {
      if (target.isFile()) add(full, false);
      else skip(full, 'a symbolic link to something that is not a regular file');
    }
  };
  for (const input of inputs) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(input);
    } catch (e) {
      const message = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : (e as Error).message;
      notices.push({ file: input, kind: 'unreadable', severity: 'error', message });
      continue;
    }
    if (stat.isDirectory()) walk(input);
    // Anything else named on the command line is opened and checked there (it could change
    // between this stat and the read, so the read decides whether it is a regular file).
    else add(input, true);
  }
  return { files, notices };
}
