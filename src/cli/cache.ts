// weakref-lint's --cache: the findings of each file from the last run, reused while the file is
// unchanged. The cache is only ever a shortcut: one that is corrupt, written by another engine
// version, or not ours at all is ignored with a note (and replaced), never trusted or fatal.
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import type { CliFinding } from './format';

export type CacheStrategy = 'metadata' | 'content';

export const DEFAULT_CACHE_FILE = '.weakreflintcache';

/** A finding as stored: everything but the file, which is the entry's key. */
export type CachedFinding = Omit<CliFinding, 'file'>;

interface Entry {
  size: number;
  mtimeMs: number;
  /** sha1 of the text, with --cache-strategy content. */
  sha1?: string;
  findings: CachedFinding[];
}

interface CacheData {
  tool: 'weakref-lint';
  /** The engine that wrote it: another version may find other things. */
  version: string;
  /** The rule settings, strategy and limits that the findings were computed under. */
  settings: string;
  files: Record<string, Entry>;
}

/** Where the cache lives: --cache-location as a file, or a folder (existing, or written with a trailing slash) to put the default name in. */
export function cacheFilePath(location: string | undefined, cwd: string): string {
  if (!location) return path.resolve(cwd, DEFAULT_CACHE_FILE);
  const resolved = path.resolve(cwd, location);
  const isFolder = /[\\/]$/.test(location) || (fs.existsSync(resolved) && fs.statSync(resolved).isDirectory());
  return isFolder ? path.join(resolved, DEFAULT_CACHE_FILE) : resolved;
}

export const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

const isEntry = (e: unknown): e is Entry =>
  typeof e === 'object' &&
  e !== null &&
  typeof (e as Entry).size === 'number' &&
  typeof (e as Entry).mtimeMs === 'number' &&
  Array.isArray((e as Entry).findings);

export class LintCache {
  private readonly files: Record<string, Entry>;
  private readonly settings: string;

  private constructor(
    readonly file: string,
    private readonly version: string,
    settings: unknown,
    readonly strategy: CacheStrategy,
    files: Record<string, Entry>,
  ) {
    this.settings = JSON.stringify({ settings, strategy });
    this.files = files;
  }

  /**
   * Reads the cache file, or starts an empty cache: silently when there is none or it was
   * written under other settings (they make every entry stale), with a note when it cannot be
   * used (unreadable, corrupt, not ours, or another engine version).
   */
  static open(
    file: string,
    version: string,
    settings: unknown,
    strategy: CacheStrategy,
    note: (s: string) => void,
  ): LintCache {
    const fresh = () => new LintCache(file, version, settings, strategy, Object.create(null) as Record<string, Entry>);
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT')
        note(`cannot read the cache ${file} (${(e as Error).message}); linting every file`);
      return fresh();
    }
    let data: Partial<CacheData>;
    try {
      data = JSON.parse(text) as Partial<CacheData>;
    } catch {
      note(`ignoring the cache ${file}: it is not valid JSON (corrupt?); linting every file and writing a new one`);
      return fresh();
    }
    if (
      typeof data !== 'object' ||
      data === null ||
      data.tool !== 'weakref-lint' ||
      typeof data.files !== 'object' ||
      data.files === null
    ) {
      note(`ignoring the cache ${file}: it is not a weakref-lint cache; linting every file and writing a new one`);
      return fresh();
    }
    if (data.version !== version) {
      note(
        `ignoring the cache ${file}: it was written by weakref-lint ${String(data.version)}, and this is ${version}; linting every file`,
      );
      return fresh();
    }
    const cache = fresh();
    if (data.settings !== cache.settings) return cache;
    for (const [key, entry] of Object.entries(data.files)) if (isEntry(entry)) cache.files[key] = entry;
    return cache;
  }

  private key(file: string): string {
    return path.resolve(file);
  }

  /** With the metadata strategy: the findings when size and modification time are unchanged. */
  byMetadata(file: string, stat: fs.Stats): CachedFinding[] | undefined {
    const e = this.files[this.key(file)];
    return e && e.sha1 === undefined && e.size === stat.size && e.mtimeMs === stat.mtimeMs ? e.findings : undefined;
  }

  /** With the content strategy: the findings when the text is the same. */
  byContent(file: string, text: string): CachedFinding[] | undefined {
    const e = this.files[this.key(file)];
    return e && e.sha1 !== undefined && e.sha1 === sha1(text) ? e.findings : undefined;
  }

  set(file: string, stat: { size: number; mtimeMs: number }, text: string, findings: CachedFinding[]): void {
    this.files[this.key(file)] = {
      size: stat.size,
      mtimeMs: stat.mtimeMs,
      ...(this.strategy === 'content' ? { sha1: sha1(text) } : {}),
      findings,
    };
  }

  /** A file that was not linted this time (skipped, unreadable, not analysed) must not keep old findings. */
  delete(file: string): void {
    delete this.files[this.key(file)];
  }

  /** Writes the cache beside itself then renames it over, so a run that is killed never leaves half a file. */
  save(note: (s: string) => void): void {
    const data: CacheData = { tool: 'weakref-lint', version: this.version, settings: this.settings, files: this.files };
    const tmp = `${this.file}.${process.pid}.tmp`;
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      fs.writeFileSync(tmp, JSON.stringify(data));
      fs.renameSync(tmp, this.file);
    } catch (e) {
      try {
        fs.rmSync(tmp, { force: true });
      } catch {
        // Nothing was written there either.
      }
      note(`cannot write the cache ${this.file} (${(e as Error).message}); the next run lints every file again`);
    }
  }
}
