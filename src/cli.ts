// weakref-lint: the linter engine on files and folders, for CI (docs/weakref-lint.md).
import * as fs from 'fs';
import * as path from 'path';
import { RULES } from './analysis/ruleMeta';
import { parseArgs, USAGE, type CliArgs } from './cli/args';
import { lineAt } from './cli/fingerprint';
import { formatJson, formatSarif, formatStylish, formatText, type CliFinding } from './cli/format';
import { countWarnings, exitStatus, noticeVerb, type CliNotice } from './cli/notices';
import { readSource } from './cli/readSource';
import { findSourceRoot } from './cli/sourceRoot';
import { collectFiles } from './cli/walk';
import { LintClient } from './linting/client';
import { CLI_WORKER_LIMITS } from './linting/limits';

declare const WEAKREF_VERSION: string | undefined;
const VERSION = typeof WEAKREF_VERSION === 'string' ? WEAKREF_VERSION : '0.0.0-dev';
const HELP_BASE = 'https://github.com/weakref-lessons/weakref-lessons/blob/main/docs/rules/';

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
        const line = f.range.start.line + 1;
        findings.push({
          file,
          line,
          column: f.range.start.character + 1,
          endLine: f.range.end.line + 1,
          endColumn: f.range.end.character + 1,
          rule: f.rule,
          severity: f.severity,
          message: f.message,
          lineText: lineAt(read.text, line),
        });
      }
    }
  } finally {
    client.dispose();
  }
  for (const n of notices) err(`weakref-lint: ${noticeVerb(n.kind)} ${n.file}: ${n.message}\n`);
  // --quiet, as in ESLint: only errors are reported or counted. Notices about files that were
  // not linted stay, since a gate must always say what it did not check.
  const reported = args.quiet ? findings.filter((f) => f.severity === 'error') : findings;
  write(args.format, reported, notices, out);
  const status = exitStatus(reported, notices, args.maxWarnings);
  const warnings = countWarnings(reported, notices);
  if (args.maxWarnings !== undefined && status === 1 && warnings > args.maxWarnings) {
    err(`weakref-lint: ${warnings} warnings, more than the maximum of ${args.maxWarnings} (--max-warnings)\n`);
  }
  return status;
}

function write(format: CliArgs['format'], findings: CliFinding[], notices: CliNotice[], out: (s: string) => void): void {
  if (format === 'json') out(formatJson(findings, notices));
  else if (format === 'sarif') {
    const rules = RULES.map((r) => ({ id: r.id, description: r.description, defaultSeverity: r.defaultSeverity, helpUri: `${HELP_BASE}${r.id}.md` }));
    out(formatSarif(findings, rules, VERSION, findSourceRoot(process.cwd()), notices, process.cwd()));
  } else if (format === 'unix') out(formatText(findings, notices));
  else out(formatStylish(findings, notices));
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
