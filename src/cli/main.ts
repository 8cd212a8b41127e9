// weakref-lint: the linter engine on files and folders, for CI (docs/weakref-lint.md).
import * as fs from 'fs';
import * as path from 'path';
import { RULES } from '../analysis/ruleMeta';
import { enableCompileCache } from '../compileCache';
import { parseArgs, USAGE, type CliArgs } from './args';
import { cacheFilePath, LintCache } from './cache';
import { formatJson, formatSarif, formatStylish, formatText, printable, type CliFinding } from './format';
import { countWarnings, exitStatus, noticeVerb, type CliNotice } from './notices';
import { IgnoreRules } from './ignoreRules';
import { lintFiles } from './lintFiles';
import { findSourceRoot } from './sourceRoot';
import { collectFiles } from './walk';

declare const WEAKREF_VERSION: string | undefined;
const VERSION = typeof WEAKREF_VERSION === 'string' ? WEAKREF_VERSION : '0.0.0-dev';

/**
 * The bundle's worker entry beside dist/cli.js (it turns on the compile cache, then loads
 * dist/lintWorker.js); compiled but unbundled (out/src), the worker module itself.
 */
function workerFile(): string {
  const bundled = path.join(__dirname, 'lintWorkerEntry.js');
  return fs.existsSync(bundled) ? bundled : path.join(__dirname, '..', 'linting', 'worker.js');
}

/** Rule settings in a stable order, so the same settings always make the same cache key. */
const sortedRules = (rules: CliArgs['rules']) =>
  Object.fromEntries(Object.entries(rules).sort(([a], [b]) => (a < b ? -1 : 1)));

export async function main(argv: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const parsed = parseArgs(argv);
  if (parsed.ok === 'help') return (out(USAGE + '\n'), 0);
  if (parsed.ok === 'version') return (out(VERSION + '\n'), 0);
  if (!parsed.ok) {
    err(`weakref-lint: ${parsed.error}\n\n${USAGE}\n`);
    return 2;
  }
  const { args } = parsed;
  const note = (s: string) => err(`weakref-lint: ${s}\n`);
  const ignores = new IgnoreRules(
    { cwd: process.cwd(), patterns: args.ignorePatterns, gitignore: args.gitignore },
    note,
  );
  const walked = collectFiles(args.paths, { ignores, warnIgnored: args.warnIgnored });
  const cache = args.cache
    ? LintCache.open(
        cacheFilePath(args.cache.location, process.cwd()),
        VERSION,
        { rules: sortedRules(args.rules), maxFileSize: args.maxFileSize },
        args.cache.strategy,
        note,
      )
    : undefined;
  const run = await lintFiles(walked.files, {
    rules: args.rules,
    maxFileSize: args.maxFileSize,
    cache,
    concurrency: args.concurrency,
    workerFile: workerFile(),
  });
  cache?.save(note);
  if (process.env.WEAKREF_LINT_DEBUG) note(`debug ${JSON.stringify(run.stats)}`);
  const findings = run.findings;
  const notices = [...walked.notices, ...run.notices];
  for (const n of notices) err(`weakref-lint: ${noticeVerb(n.kind)} ${printable(n.file)}: ${printable(n.message)}\n`);
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

function write(
  format: CliArgs['format'],
  findings: CliFinding[],
  notices: CliNotice[],
  out: (s: string) => void,
): void {
  if (format === 'json') out(formatJson(findings, notices));
  else if (format === 'sarif') {
    const rules = RULES.map((r) => ({
      id: r.id,
      description: r.description,
      defaultSeverity: r.defaultSeverity,
      helpUri: r.docsUrl,
    }));
    out(formatSarif(findings, rules, VERSION, findSourceRoot(process.cwd()), notices, process.cwd()));
  } else if (format === 'unix') out(formatText(findings, notices));
  else out(formatStylish(findings, notices));
}

if (require.main === module) {
  enableCompileCache();
  main(
    process.argv.slice(2),
    (s) => process.stdout.write(s),
    (s) => process.stderr.write(s),
  ).then(
    (code) => (process.exitCode = code),
    (e: unknown) => {
      process.stderr.write(`weakref-lint: ${String((e as Error)?.stack ?? e)}\n`);
      process.exitCode = 2;
    },
  );
}
