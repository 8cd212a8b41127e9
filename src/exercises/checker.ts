// Runs an exercise's checks against the learner's file in a child process under
// --expose-gc, with a time limit. The learner's code never runs in the extension host.
import { execFile } from 'child_process';
import { randomBytes } from 'crypto';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { HARNESS_SOURCE } from './harness';
import type { CheckReport, CheckResult } from './types';

export interface CheckOptions {
  nodeCommand: string;
  /** node options placed before the harness; --expose-gc is added when missing. */
  nodeArgs?: string[];
  checksFile: string;
  solutionFile: string;
  timeoutMs: number;
}

const MAX_OUTPUT = 8 * 1024 * 1024;

function isResult(v: unknown): v is CheckResult {
  const r = v as CheckResult;
  return !!r && typeof r === 'object' && typeof r.id === 'string' && typeof r.requirement === 'string' && typeof r.passed === 'boolean';
}

export async function runChecks(opts: CheckOptions): Promise<CheckReport> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'weakref-check-'));
  const harness = path.join(dir, 'harness.js');
  // A fresh marker per run, so nothing the learner prints can pass for the results.
  const marker = `@@weakref-check-results-${randomBytes(12).toString('hex')}@@`;
  try {
    await fs.writeFile(harness, HARNESS_SOURCE);
    const nodeArgs = opts.nodeArgs ?? [];
    const args = [...(nodeArgs.includes('--expose-gc') ? nodeArgs : ['--expose-gc', ...nodeArgs]), harness, path.resolve(opts.checksFile), path.resolve(opts.solutionFile), marker];
    const run = await new Promise<{ error: (Error & { code?: unknown; killed?: boolean; signal?: unknown }) | null; stdout: string; stderr: string }>((resolve) => {
      execFile(
        opts.nodeCommand,
        args,
        {
          cwd: path.dirname(path.resolve(opts.solutionFile)),
          timeout: opts.timeoutMs,
          killSignal: 'SIGKILL',
          maxBuffer: MAX_OUTPUT,
          windowsHide: true,
          shell: false,
          env: { ...process.env, WEAKREF_CHECK_TIMEOUT_MS: String(Math.max(1000, Math.floor(opts.timeoutMs / 2))) },
        },
        (error, stdout, stderr) => resolve({ error, stdout: String(stdout), stderr: String(stderr) }),
      );
    });
    const at = run.stdout.lastIndexOf(marker);
    const output = (at >= 0 ? run.stdout.slice(0, at) : run.stdout).trimEnd() + (run.stderr ? `\n${run.stderr.trimEnd()}` : '');
    if (at < 0) {
      let error: string;
      if (run.error?.code === 'ENOENT') error = `Node.js was not found at "${opts.nodeCommand}". Set "weakrefLessons.nodePath".`;
      else if (run.error?.killed || run.error?.signal === 'SIGKILL') error = `The checks did not finish within ${Math.round(opts.timeoutMs / 1000)} s and were stopped. Is there an endless loop?`;
      else error = `The checks stopped before reporting (${run.error ? run.error.message.split('\n')[0] : 'no results'}).`;
      return { results: [], error, output: output.trim() };
    }
    const line = run.stdout.slice(at + marker.length).split('\n')[0];
    let parsed: { results?: unknown; error?: unknown };
    try {
      parsed = JSON.parse(line) as typeof parsed;
    } catch {
      return { results: [], error: 'The checks reported results that could not be read.', output: output.trim() };
    }
    const results = Array.isArray(parsed.results) ? parsed.results.filter(isResult) : [];
    return { results, ...(typeof parsed.error === 'string' ? { error: parsed.error } : {}), output: output.trim() };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
