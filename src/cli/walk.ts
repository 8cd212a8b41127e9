// Finds the files to lint: named files as given, folders walked and glob patterns expanded in a
// stable order, leaving out what the ignore rules say (an ignored named file is a warning, as in
// ESLint). Each file is linted once however it was reached (by real path), and anything that
// looks lintable but is not linted (a FIFO, a link to a folder, a broken link) comes back as a
// notice, never dropped.
import * as fs from 'fs';
import * as path from 'path';
import { globMatcher } from './globs';
import { IgnoreRules } from './ignoreRules';
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

function isFolder(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function realPath(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

export interface CollectOptions {
  ignores: IgnoreRules;
  /** Warn about a named file or folder that is ignored (ESLint's default; off with --no-warn-ignored). */
  warnIgnored: boolean;
}

export const IGNORED_MESSAGE =
  'File ignored because of a matching ignore pattern; use --no-warn-ignored to suppress this warning';
const IGNORED_FOLDER_MESSAGE =
  'Folder ignored because of a matching ignore pattern; use --no-warn-ignored to suppress this warning';

const lintableName = (name: string) => LINTABLE.test(name) && !name.endsWith('.d.ts');

/** The command line's defaults: ignore rules of the working folder, .gitignore files read, ignored named inputs warned about. */
const defaultOptions = (): CollectOptions => ({
  ignores: new IgnoreRules({ cwd: process.cwd(), patterns: [], gitignore: true }, (s) =>
    process.stderr.write(`weakref-lint: ${s}\n`),
  ),
  warnIgnored: true,
});

export function collectFiles(inputs: string[], o: CollectOptions = defaultOptions()): WalkResult {
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
  // A glob pattern's matcher while its base folder is walked; undefined while walking a named folder.
  let matches: ((file: string) => boolean) | undefined;
  // Dot folders are searched only when named. The ignore rules of the working folder do not reach
  // outside it (ESLint does not lint there at all), but node_modules is not searched there either.
  const notSearched = (full: string, name: string) =>
    name.startsWith('.') ||
    (name === 'node_modules' && !o.ignores.inWorkingFolder(full)) ||
    o.ignores.isIgnored(full, true);
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
        if (notSearched(full, entry.name)) continue;
        walk(full);
      } else if (entry.isSymbolicLink()) {
        linked(full, entry.name);
      } else if (lintableName(entry.name) && !o.ignores.isIgnored(full, false) && (!matches || matches(full))) {
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
      if (LINTABLE.test(name) && !o.ignores.isIgnored(full, false) && (!matches || matches(full)))
        skip(full, 'a broken symbolic link');
      return;
    }
    if (target.isDirectory()) {
      if (!notSearched(full, name) && !matches) skip(full, 'a symbolic link to a folder, not followed');
    } else if (lintableName(name) && !o.ignores.isIgnored(full, false) && (!matches || matches(full))) {
      if (target.isFile()) add(full, false);
      else skip(full, 'a symbolic link to something that is not a regular file');
    }
  };
  const ignoredNamed = (input: string, isDir: boolean) => {
    if (o.warnIgnored)
      notices.push({
        file: input,
        kind: 'skipped',
        severity: 'warning',
        message: isDir ? IGNORED_FOLDER_MESSAGE : IGNORED_MESSAGE,
      });
  };
  // As in ESLint: a pattern that names no file or folder is a glob; it matches lintable files
  // under its fixed leading folders, and ignored ones are left out without a word.
  const expand = (pattern: string) => {
    const glob = globMatcher(pattern);
    const before = files.length;
    if (glob && isFolder(glob.base)) {
      matches = glob.matches;
      walk(glob.base);
      matches = undefined;
    }
    if (files.length === before) {
      const message = glob
        ? 'no files match this pattern (ignored files and folders are left out)'
        : 'no such file or folder';
      notices.push({ file: pattern, kind: 'unreadable', severity: 'error', message });
    }
  };
  for (const input of inputs) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(input);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') expand(input);
      else notices.push({ file: input, kind: 'unreadable', severity: 'error', message: (e as Error).message });
      continue;
    }
    if (o.ignores.isIgnored(input, stat.isDirectory())) ignoredNamed(input, stat.isDirectory());
    else if (stat.isDirectory()) walk(input);
    // Anything else named on the command line is opened and checked there (it could change
    // between this stat and the read, so the read decides whether it is a regular file).
    else add(input, true);
  }
  return { files, notices };
}
