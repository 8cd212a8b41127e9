// The learner's editable copies of lesson examples (pure Node, no vscode). Only the example
// that is opened is copied, with the files of its own folder that it requires; a record of
// each original's hash at copy time tells "the lesson changed" apart from "the learner edited",
// so a changed original can be offered (or, over an unedited copy, simply taken) without ever
// overwriting the learner's edits unasked.
import { createHash } from 'crypto';
import { promises as fs } from 'fs';
import * as path from 'path';
import { copyIfMissing } from './copyIfMissing';

export interface CopyState {
  original: string;
  copy: string;
  exists: boolean;
  /** The original differs from what was copied (for a copy made before records, from the copy). */
  originalChanged: boolean;
  /** The copy differs from what was copied (unknown for a copy made before records: assumed edited). */
  copyEdited: boolean;
}

const LOCAL_IMPORT =
  /\brequire\(\s*(['"])\.\/([^'"\\/]+)\1\s*\)|\bfrom\s+(['"])\.\/([^'"\\/]+)\3|\bimport\(\s*(['"])\.\/([^'"\\/]+)\5\s*\)/g;

/** Names of files in the same folder that source requires or imports ("./name"). */
export function localImports(source: string): string[] {
  const names = new Set<string>();
  for (const m of source.matchAll(LOCAL_IMPORT)) names.add(m[2] ?? m[4] ?? m[6]);
  return [...names];
}

const sha256 = async (file: string) =>
  createHash('sha256')
    .update(await fs.readFile(file))
    .digest('hex');
const exists = (file: string) =>
  fs.stat(file).then(
    (s) => s.isFile(),
    () => false,
  );

export class ExampleCopies {
  private readonly recordFile: string;

  constructor(private readonly root: string) {
    this.recordFile = path.join(root, 'copies.json');
  }

  copyPath(lessonId: string, original: string): string {
    return path.join(this.root, lessonId, path.basename(original));
  }

  async state(lessonId: string, original: string): Promise<CopyState> {
    const copy = this.copyPath(lessonId, original);
    if (!(await exists(copy))) return { original, copy, exists: false, originalChanged: false, copyEdited: false };
    const [now, mine, records] = await Promise.all([sha256(original), sha256(copy), this.records()]);
    const copied = records[this.key(lessonId, original)];
    if (copied === undefined) {
      if (now === mine) await this.record(lessonId, original, now);
      return { original, copy, exists: true, originalChanged: now !== mine, copyEdited: now !== mine };
    }
    return { original, copy, exists: true, originalChanged: now !== copied, copyEdited: mine !== copied };
  }

  /** Makes the copy of original, and of the files beside it that it requires, where missing. Returns the copy. */
  async create(lessonId: string, original: string): Promise<string> {
    const seen = new Set<string>();
    const visit = async (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const copy = this.copyPath(lessonId, file);
      if (!(await exists(copy))) {
        // Hashed before copying: the record says what was copied, even if the lesson changes meanwhile.
        const hash = await sha256(file);
        if (await copyIfMissing(file, copy)) await this.record(lessonId, file, hash);
      }
      for (const name of localImports(await fs.readFile(file, 'utf8'))) {
        const sibling = await this.resolveSibling(path.dirname(file), name);
        if (sibling) await visit(sibling);
      }
    };
    await visit(original);
    return this.copyPath(lessonId, original);
  }

  /** Replaces the copy with the original as it is now. Only on the learner's word, or over an unedited copy. */
  async refresh(lessonId: string, original: string): Promise<void> {
    const copy = this.copyPath(lessonId, original);
    await fs.mkdir(path.dirname(copy), { recursive: true });
    const hash = await sha256(original);
    await fs.copyFile(original, copy);
    await this.record(lessonId, original, hash);
  }

  /**
   * Brings unedited copies of original and of the files it requires up to date (nothing of the
   * learner's is lost), and returns the states of edited copies whose original has changed.
   */
  async update(lessonId: string, original: string): Promise<CopyState[]> {
    const outdated: CopyState[] = [];
    const seen = new Set<string>();
    const visit = async (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const state = await this.state(lessonId, file);
      if (state.exists && state.originalChanged) {
        if (state.copyEdited) outdated.push(state);
        else await this.refresh(lessonId, file);
      }
      for (const name of localImports(await fs.readFile(file, 'utf8'))) {
        const sibling = await this.resolveSibling(path.dirname(file), name);
        if (sibling) await visit(sibling);
      }
    };
    await visit(original);
    return outdated;
  }

  private async resolveSibling(folder: string, name: string): Promise<string | undefined> {
    for (const candidate of [name, `${name}.js`, `${name}.cjs`, `${name}.mjs`]) {
      const file = path.join(folder, candidate);
      if (await exists(file)) return file;
    }
    return undefined;
  }

  private key(lessonId: string, original: string): string {
    return `${lessonId}/${path.basename(original)}`;
  }

  private async records(): Promise<Record<string, string>> {
    try {
      const parsed: unknown = JSON.parse(await fs.readFile(this.recordFile, 'utf8'));
      return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, string>) : {};
    } catch {
      return {};
    }
  }

  private async record(lessonId: string, original: string, hash: string): Promise<void> {
    const records = await this.records();
    records[this.key(lessonId, original)] = hash;
    await fs.mkdir(this.root, { recursive: true });
    await fs.writeFile(this.recordFile, JSON.stringify(records, null, 2));
  }
}
