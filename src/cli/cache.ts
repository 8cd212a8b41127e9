// weakref-lint's --cache: the findings of each file from the last run, reused while the file is
// unchanged. The cache is only ever a shortcut: one that is corrupt, written by another engine
// version, or not ours at all is ignored with a note (and replaced), never trusted or fatal.
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { isRuleId } from '../analysis/ruleMeta';
import { readBoundedSync } from '../files/readBounded';
import { cacheKey, cacheSignature } from './cacheKey';
import type { CliFinding } from './format';

export type CacheStrategy = 'metadata' | 'content';

export const DEFAULT_CACHE_FILE = '.weakreflintcache';
/** A cache is read whole and parsed: above this it is not read (and is replaced). */
const MAX_CACHE_BYTES = 100_000_000;

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
  /** HMAC of version, settings and files under the user's key (cacheKey.ts): only this machine's runs can write a cache it believes. */
  signature: string;
}

/** Where the cache lives: --cache-location as a file, or a folder (existing, or written with a trailing slash) to put the default name in. */
export function cacheFilePath(location: string | undefined, cwd: string): string {
  if (!location) return path.resolve(cwd, DEFAULT_CACHE_FILE);
  const resolved = path.resolve(cwd, location);
  const isFolder = /[\\/]$/.test(location) || (fs.existsSync(resolved) && fs.statSync(resolved).isDirectory());
  return isFolder ? path.join(resolved, DEFAULT_CACHE_FILE) : resolved;
}

export const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 1;
// Control characters (ANSI escapes among them) never come from the engine's messages; a tab may
// be in a line's text.
const isPlainText = (s: unknown): s is string =>
  typeof s === 'string' && !/[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/.test(s);
const SEVERITIES: readonly unknown[] = ['error', 'warning', 'info'];

/** A cached finding rebuilt from the fields the schema has, or undefined if any is malformed. */
function cachedFinding(f: unknown): CachedFinding | undefined {
  if (typeof f !== 'object' || f === null) return undefined;
  const { line, column, endLine, endColumn, rule, severity, message, lineText } = f as Record<string, unknown>;
  if (![line, column, endLine, endColumn].every(isCount) || !isRuleId(String(rule))) return undefined;
  if (!SEVERITIES.includes(severity) || !isPlainText(message)) return undefined;
  if (lineText !== undefined && !isPlainText(lineText)) return undefined;
  return {
    ...({ line, column, endLine, endColumn } as Pick<CachedFinding, 'line' | 'column' | 'endLine' | 'endColumn'>),
    rule: rule as string,
    severity: severity as CachedFinding['severity'],
    message,
    ...(lineText !== undefined ? { lineText } : {}),
  };
}

/** An entry as the cache file has it, checked field by field: one malformed part drops the whole entry (the file is linted again). */
function validEntry(e: unknown): Entry | undefined {
  if (typeof e !== 'object' || e === null) return undefined;
  const { size, mtimeMs, sha1: hash, findings } = e as Record<string, unknown>;
  if (typeof size !== 'number' || typeof mtimeMs !== 'number' || !Array.isArray(findings)) return undefined;
  if (hash !== undefined && typeof hash !== 'string') return undefined;
  const checked = findings.map(cachedFinding);
  if (!checked.every((f): f is CachedFinding => f !== undefined)) return undefined;
  return { size, mtimeMs, ...(hash !== undefined ? { sha1: hash } : {}), findings: checked };
}

export class LintCache {
  private readonly files: Record<string, Entry>;
  private readonly settings: string;

  private constructor(
    readonly file: string,
    private readonly key: string | undefined,
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
    const { key, problem } = cacheKey();
    const fresh = () =>
      new LintCache(file, key, version, settings, strategy, Object.create(null) as Record<string, Entry>);
    if (!key) {
      note(`cannot use the cache: its signing key is unusable (${problem}); linting every file`);
      return fresh();
    }
    const read = readBoundedSync(file, MAX_CACHE_BYTES);
    if (!read.ok) {
      if (read.reason !== 'missing') note(`cannot read the cache ${file} (${read.message}); linting every file`);
      return fresh();
    }
    let data: Partial<CacheData>;
    try {
      data = JSON.parse(read.text) as Partial<CacheData>;
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
    if (data.signature !== cache.sign(data.files)) {
      note(
        `ignoring the cache ${file}: it was not written by weakref-lint under this user's key (committed or copied?); linting every file`,
      );
      return cache;
    }
    for (const [key, raw] of Object.entries(data.files)) {
      const entry = validEntry(raw);
      if (entry) cache.files[key] = entry;
    }
    return cache;
  }

  private entryKey(file: string): string {
    return path.resolve(file);
  }

  /** JSON.parse then JSON.stringify gives back the same text, so what save signed, open can check. */
  private sign(files: unknown): string {
    return this.key ? cacheSignature(this.key, JSON.stringify([this.version, this.settings, files])) : '';
  }

  /** With the metadata strategy: the findings when size and modification time are unchanged. */
  byMetadata(file: string, stat: fs.Stats): CachedFinding[] | undefined {
    const e = this.files[this.entryKey(file)];
    return e && e.sha1 === undefined && e.size === stat.size && e.mtimeMs === stat.mtimeMs ? e.findings : undefined;
  }

  /** With the content strategy: the findings when the text is the same. */
  byContent(file: string, text: string): CachedFinding[] | undefined {
    const e = this.files[this.entryKey(file)];
    return e && e.sha1 !== undefined && e.sha1 === sha1(text) ? e.findings : undefined;
  }

  set(file: string, stat: { size: number; mtimeMs: number }, text: string, findings: CachedFinding[]): void {
    this.files[this.entryKey(file)] = {
      size: stat.size,
      mtimeMs: stat.mtimeMs,
      ...(this.strategy === 'content' ? { sha1: sha1(text) } : {}),
      findings,
    };
  }

  /** A file that was not linted this time (skipped, unreadable, not analysed) must not keep old findings. */
  delete(file: string): void {
    delete this.files[this.entryKey(file)];
  }

  /** Writes the cache beside itself then renames it over, so a run that is killed never leaves half a file. */
  save(note: (s: string) => void): void {
    if (!this.key) return;
    const data: CacheData = {
      tool: 'weakref-lint',
      version: this.version,
      settings: this.settings,
      files: this.files,
      signature: this.sign(this.files),
    };
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
