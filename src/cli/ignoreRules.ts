// Which files and folders weakref-lint leaves out. All rules are in .gitignore syntax, read by the
// `ignore` package (as ESLint's .eslintignore was), and are tried in this order, the last rule that
// matches deciding: the .gitignore files from the repository's root down to the file's folder,
// node_modules/ and .git/ (the defaults: a .gitignore cannot bring them back with a `!` rule), then
// .weakreflintignore in the working folder and --ignore-pattern (which can). As in git, a path inside an ignored folder is ignored whatever comes after.
import * as fs from 'fs';
import * as path from 'path';
import ignore from 'ignore';
import { readBoundedSync } from '../files/readBounded';
import { IndexedRules, type TestResult } from './indexedRules';

export const IGNORE_FILE = '.weakreflintignore';
const DEFAULT_PATTERNS = ['node_modules/', '.git/'];
/** Far above any real ignore file (git's own has no limit; a 20,000-line one is about 0.5 MB). */
const MAX_IGNORE_FILE_BYTES = 10_000_000;

export interface IgnoreOptions {
  cwd: string;
  /** --ignore-pattern, relative to the working folder. */
  patterns: readonly string[];
  /** Read .gitignore files (off with --no-gitignore). */
  gitignore: boolean;
}

/** A set of rules and the folder its patterns are relative to. */
interface Level {
  base: string;
  rules: { test(rel: string): TestResult };
}

/** The path as `ignore` wants it (relative, forward slashes, a folder ending in /), or undefined when outside base. */
function relativeTo(base: string, file: string, isDir: boolean): string | undefined {
  const rel = path.relative(base, file);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  const posix = rel.split(path.sep).join('/');
  return isDir ? posix + '/' : posix;
}

export class IgnoreRules {
  private readonly cwd: string;
  /** The defaults, then .weakreflintignore and --ignore-pattern: both relative to the working folder, after any .gitignore. */
  private readonly first: Level;
  private readonly last: Level;
  private readonly gitignore: boolean;
  /** Per folder: the folders whose .gitignore applies in it (repository root first), and whether it is in a repository. */
  private readonly gitChains = new Map<string, { dirs: string[]; inRepo: boolean }>();
  private readonly gitignores = new Map<string, Level | undefined>();
  private readonly levelsIn = new Map<string, Level[]>();
  private readonly dirIgnored = new Map<string, boolean>();

  /** `note` hears about an ignore file that exists but cannot be read; its rules are then left out, so more is linted, never less. */
  constructor(
    o: IgnoreOptions,
    private readonly note: (s: string) => void,
  ) {
    this.cwd = path.resolve(o.cwd);
    this.gitignore = o.gitignore;
    this.first = { base: this.cwd, rules: ignore().add(DEFAULT_PATTERNS) };
    const file = this.readRules(path.join(this.cwd, IGNORE_FILE));
    this.last = { base: this.cwd, rules: new IndexedRules(file ?? '', ignore().add([...o.patterns])) };
  }

  /** Whether a file or folder (any path; resolved against the working folder) is left out. */
  isIgnored(file: string, isDir: boolean): boolean {
    const abs = path.resolve(this.cwd, file);
    const parent = path.dirname(abs);
    if (parent !== abs && this.isIgnoredDir(parent)) return true;
    return this.decide(abs, isDir);
  }

  /** Whether the defaults, .weakreflintignore and --ignore-pattern apply to this path: only inside the working folder. */
  inWorkingFolder(file: string): boolean {
    return relativeTo(this.cwd, path.resolve(this.cwd, file), false) !== undefined;
  }

  private isIgnoredDir(dir: string): boolean {
    let known = this.dirIgnored.get(dir);
    if (known === undefined) {
      const parent = path.dirname(dir);
      known = (parent !== dir && this.isIgnoredDir(parent)) || this.decide(dir, true);
      this.dirIgnored.set(dir, known);
    }
    return known;
  }

  /** The path's own verdict, parents aside: the last level with a rule that matches it decides. */
  private decide(abs: string, isDir: boolean): boolean {
    let ignored = false;
    for (const level of [...this.gitLevels(path.dirname(abs)), this.first, this.last]) {
      const rel = relativeTo(level.base, abs, isDir);
      if (rel === undefined) continue;
      // `ignore` answers "ignored" for everything in a folder its own rules ignore; the folder's
      // verdict across all levels is isIgnoredDir's, so such a level has no say here. (A level
      // that ignores both the folder and, by another rule, the file loses that second rule when
      // a later level re-includes the folder: the file is then linted, never silently dropped.)
      const slash = rel.lastIndexOf('/', rel.length - 2);
      if (slash > 0 && level.rules.test(rel.slice(0, slash + 1)).ignored) continue;
      const r = level.rules.test(rel);
      if (r.ignored) ignored = true;
      else if (r.unignored) ignored = false;
    }
    return ignored;
  }

  /**
   * The .gitignore files that apply in a folder: from the repository's root (the nearest folder
   * up that holds .git) down to it. Outside a repository git reads none; here those inside the
   * working folder still apply, as Prettier reads one there.
   */
  private gitLevels(dir: string): Level[] {
    if (!this.gitignore) return [];
    let levels = this.levelsIn.get(dir);
    if (!levels) {
      const { dirs, inRepo } = this.gitChain(dir);
      levels = dirs
        .filter((d) => inRepo || d === this.cwd || relativeTo(this.cwd, d, true) !== undefined)
        .map((d) => this.gitignoreIn(d))
        .filter((level): level is Level => level !== undefined);
      this.levelsIn.set(dir, levels);
    }
    return levels;
  }

  private gitChain(dir: string): { dirs: string[]; inRepo: boolean } {
    let chain = this.gitChains.get(dir);
    if (!chain) {
      const parent = path.dirname(dir);
      if (fs.existsSync(path.join(dir, '.git'))) chain = { dirs: [dir], inRepo: true };
      else if (parent === dir) chain = { dirs: [dir], inRepo: false };
      else {
        const up = this.gitChain(parent);
        chain = { dirs: [...up.dirs, dir], inRepo: up.inRepo };
      }
      this.gitChains.set(dir, chain);
    }
    return chain;
  }

  private gitignoreIn(dir: string): Level | undefined {
    if (!this.gitignores.has(dir)) {
      const text = this.readRules(path.join(dir, '.gitignore'));
      this.gitignores.set(dir, text === undefined ? undefined : { base: dir, rules: new IndexedRules(text) });
    }
    return this.gitignores.get(dir);
  }

  /** A committed ignore file is read as untrusted: a link to a device or a FIFO is refused, not followed. */
  private readRules(file: string): string | undefined {
    const read = readBoundedSync(file, MAX_IGNORE_FILE_BYTES);
    if (read.ok) return read.text;
    if (read.reason !== 'missing')
      this.note(`cannot read the ignore file ${file} (${read.message}); its rules are not applied`);
    return undefined;
  }
}
