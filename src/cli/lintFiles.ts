// Lints the files of a run: each is read (or its findings taken from --cache), and only those
// that pass the text pre-check go to the engine, on one or more worker threads. Results are
// kept in the files' order, so the output does not depend on which worker finished first.
import * as fs from 'fs';
import { mightNeedLinting } from '../analysis/languages';
import type { AnalyzeOptions, Finding } from '../analysis/types';
import { LintClient } from '../linting/client';
import { CLI_WORKER_LIMITS } from '../linting/limits';
import type { LintCache } from './cache';
import { workerCount, type Concurrency } from './concurrency';
import { lineAt } from './fingerprint';
import type { CliFinding } from './format';
import type { CliNotice } from './notices';
import { readSource } from './readSource';
import type { LintTarget } from './walk';

export interface LintRunOptions {
  rules: AnalyzeOptions['rules'];
  maxFileSize: number;
  cache?: LintCache;
  concurrency: Concurrency;
  workerFile: string;
}

/** What a run did, for WEAKREF_LINT_DEBUG and the tests that prove a warm cache lints nothing. */
export interface LintRunStats {
  files: number;
  /** Sent to the engine. */
  linted: number;
  fromCache: number;
  /** Read, but failed the text pre-check: no finding is possible, and the engine is not needed. */
  precheckSkipped: number;
  workers: number;
}

interface Job {
  index: number;
  file: string;
  text: string;
  stat?: fs.Stats;
}

const cliFindings = (file: string, text: string, found: Finding[]): CliFinding[] =>
  found.map((f) => {
    const line = f.range.start.line + 1;
    return {
      file,
      line,
      column: f.range.start.character + 1,
      endLine: f.range.end.line + 1,
      endColumn: f.range.end.character + 1,
      rule: f.rule,
      severity: f.severity,
      message: f.message,
      lineText: lineAt(text, line),
    };
  });

const statOf = (file: string): fs.Stats | undefined => {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
};

export async function lintFiles(
  targets: LintTarget[],
  o: LintRunOptions,
): Promise<{ findings: CliFinding[]; notices: CliNotice[]; stats: LintRunStats }> {
  const perFile: { findings?: CliFinding[]; notice?: CliNotice }[] = targets.map(() => ({}));
  const stats: LintRunStats = { files: targets.length, linted: 0, fromCache: 0, precheckSkipped: 0, workers: 0 };
  const jobs: Job[] = [];
  targets.forEach(({ path: file, named }, index) => {
    // Taken before the read: a file that changes while it is read has a newer time next run.
    const stat = o.cache ? statOf(file) : undefined;
    if (o.cache?.strategy === 'metadata' && stat?.isFile() && stat.size <= o.maxFileSize) {
      const cached = o.cache.byMetadata(file, stat);
      if (cached) {
        stats.fromCache++;
        perFile[index].findings = cached.map((f) => ({ ...f, file }));
        return;
      }
    }
    const read = readSource(file, o.maxFileSize);
    if (!read.ok) {
      o.cache?.delete(file);
      perFile[index].notice = {
        file,
        kind: read.kind,
        severity: read.kind === 'unreadable' ? 'error' : named ? 'warning' : 'info',
        message: read.message,
      };
      return;
    }
    if (o.cache?.strategy === 'content') {
      const cached = o.cache.byContent(file, read.text);
      if (cached) {
        stats.fromCache++;
        perFile[index].findings = cached.map((f) => ({ ...f, file }));
        return;
      }
    }
    if (!mightNeedLinting(read.text, file)) {
      stats.precheckSkipped++;
      perFile[index].findings = [];
      if (stat) o.cache?.set(file, stat, read.text, []);
      return;
    }
    jobs.push({ index, file, text: read.text, stat });
  });

  stats.workers = workerCount(o.concurrency, jobs.length);
  stats.linted = jobs.length;
  // The engine runs in workers with a large stack, so deeply nested files still parse; one that
  // is too deep even so, or that kills its worker, is reported as not analysed.
  const clients = Array.from(
    { length: stats.workers },
    () => new LintClient(o.workerFile, () => {}, { timeoutMs: 0, resourceLimits: CLI_WORKER_LIMITS }),
  );
  let next = 0;
  const drain = async (client: LintClient) => {
    for (let job = jobs[next++]; job; job = jobs[next++]) {
      const response = await client.lint({
        key: 'cli',
        fileName: job.file,
        text: job.text,
        options: { rules: o.rules },
      });
      const failure = response.failure?.message ?? response.error;
      if (failure) {
        o.cache?.delete(job.file);
        perFile[job.index].notice = { file: job.file, kind: 'not-analysed', severity: 'error', message: failure };
        continue;
      }
      const found = cliFindings(job.file, job.text, response.findings);
      perFile[job.index].findings = found;
      if (job.stat) o.cache?.set(job.file, job.stat, job.text, found.map(withoutFile));
    }
  };
  try {
    await Promise.all(clients.map(drain));
  } finally {
    for (const c of clients) c.dispose();
  }
  return {
    findings: perFile.flatMap((r) => r.findings ?? []),
    notices: perFile.flatMap((r) => (r.notice ? [r.notice] : [])),
    stats,
  };
}

/** A cached finding is stored without its file name: the cache entry is keyed by it. */
function withoutFile(f: CliFinding): Omit<CliFinding, 'file'> {
  const rest: Partial<CliFinding> = { ...f };
  delete rest.file;
  return rest as Omit<CliFinding, 'file'>;
}
