// weakref-lint: the linter engine on files and folders, for CI (docs/weakref-lint.md).
import * as fs from 'fs';
import * as path from 'path';
import { RULES } from './analysis/index';
import { parseArgs, USAGE } from './cli/args';
import { formatJson, formatSarif, formatText, type CliFinding } from './cli/format';
import { exitStatus, noticeVerb } from './cli/notices';
import { readSource } from './cli/readSource';
import { findSourceRoot } from './cli/sourceRoot';
import { collectFiles } from './cli/walk';
import { LintClient } from './linting/client';
import { CLI_WORKER_LIMITS } from './linting/limits';

declare const WEAKREF_VERSION: string | undefined;
const VERSION = typeof WEAKREF_VERSION === 'string' ? WEAKREF_VERSION : '0.0.0-dev';

/** The bundle's worker beside dist/cli.js; compiled but unbundled (out/src), the worker module itself. */
function workerFile(): string {
  const bundled = path.join(__dirname, 'lintWorker.js');
  return fs.existsSync(bundled) ? bundled : path.join(__dirname, 'linting', 'worker.js');
}

export async function main(argv: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const parsed = parseArgs(argv);
  if (parsed.ok === 'help') return out(USAGE + '\n'), 0;
  if (parsed.ok === 'version') return out(VERSION + '\n'), 0;
  if (!parsed.ok) {
    err(`weakref-lint: ${parsed.error}\n\n${USAGE}\n`);
    return 2;
  }
  const { args } = parsed;
  const { files, notices } = collectFiles(args.paths);
  const findings: CliFinding[] = [];
  // The engine runs in a worker with a large stack, so deeply nested files still parse; one
  // that is too deep even so, or that kills the worker, is reported as not analysed.
  const client = new LintClient(workerFile(), () => {}, { timeoutMs: 0, resourceLimits: CLI_WORKER_LIMITS });
  try {
    for (const { path: file, named } of files) {
      const read = readSource(file, args.maxFileSize);
      if (!read.ok) {
        notices.push({ file, kind: read.kind, severity: read.kind === 'unreadable' ? 'error' : named ? 'warning' : 'info', message: read.message });
        continue;
      }
      const response = await client.lint({ key: 'cli', fileName: file, text: read.text, options: { rules: args.rules } });
      const failure = response.failure?.message ?? response.error;
      if (failure) {
        notices.push({ file, kind: 'not-analysed', severity: 'error', message: failure });
        continue;
      }
      for (const f of response.findings) {
        findings.push({
          file,
          line: f.range.start.line + 1,
          column: f.range.start.character + 1,
          endLine: f.range.end.line + 1,
          endColumn: f.range.end.character + 1,
          rule: f.rule,
          severity: f.severity,
          message: f.message,
        });
      }
    }
  } finally {
    client.dispose();
  }
  for (const n of notices) err(`weakref-lint: ${noticeVerb(n.kind)} ${n.file}: ${n.message}\n`);
  if (args.format === 'json') out(formatJson(findings, notices));
  else if (args.format === 'sarif') {
    const rules = RULES.map((r) => ({ id: r.id, description: r.description, defaultSeverity: r.defaultSeverity, helpUri: r.docsUrl }));
    out(formatSarif(findings, rules, VERSION, findSourceRoot(process.cwd()), notices, process.cwd()));
  } else out(formatText(findings, notices));
  return exitStatus(findings, notices);
}

if (require.main === module) {
  main(process.argv.slice(2), (s) => process.stdout.write(s), (s) => process.stderr.write(s)).then(
    (code) => (process.exitCode = code),
    (e: unknown) => {
      process.stderr.write(`weakref-lint: ${String((e as Error)?.stack ?? e)}\n`);
      process.exitCode = 2;
    },
  );
}
