// weakref-lint: the linter engine on files and folders, for CI (RULES.md, "Command line").
import * as fs from 'fs';
import { analyze, RULES } from './analysis/index';
import { parseArgs, USAGE } from './cli/args';
import { formatJson, formatSarif, formatText, type CliFinding } from './cli/format';
import { collectFiles } from './cli/walk';

declare const WEAKREF_VERSION: string | undefined;
const VERSION = typeof WEAKREF_VERSION === 'string' ? WEAKREF_VERSION : '0.0.0-dev';

export function main(argv: string[], out: (s: string) => void, err: (s: string) => void): number {
  const parsed = parseArgs(argv);
  if (parsed.ok === 'help') return out(USAGE + '\n'), 0;
  if (parsed.ok === 'version') return out(VERSION + '\n'), 0;
  if (!parsed.ok) {
    err(`weakref-lint: ${parsed.error}\n\n${USAGE}\n`);
    return 2;
  }
  const { args } = parsed;
  const { files, problems } = collectFiles(args.paths);
  for (const p of problems) err(`weakref-lint: cannot read ${p.path}: ${p.message}\n`);
  let unreadable = problems.length;
  const findings: CliFinding[] = [];
  for (const file of files) {
    let text: string;
    try {
      const size = fs.statSync(file).size;
      if (size > args.maxFileSize) {
        err(`weakref-lint: skipped ${file}: ${size} bytes is over the limit of ${args.maxFileSize} (--max-file-size)\n`);
        continue;
      }
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      err(`weakref-lint: cannot read ${file}: ${(e as Error).message}\n`);
      unreadable++;
      continue;
    }
    if (text.includes('\u0000')) {
      err(`weakref-lint: skipped ${file}: it looks binary\n`);
      continue;
    }
    for (const f of analyze(text, file, { rules: args.rules })) {
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
  if (args.format === 'json') out(formatJson(findings));
  else if (args.format === 'sarif')
    out(formatSarif(findings, RULES.map((r) => ({ id: r.id, description: r.description, defaultSeverity: r.defaultSeverity, helpUri: r.docsUrl })), VERSION));
  else out(formatText(findings));
  if (unreadable > 0) return 2;
  return findings.some((f) => f.severity === 'warning' || f.severity === 'error') ? 1 : 0;
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2), (s) => process.stdout.write(s), (s) => process.stderr.write(s));
}
