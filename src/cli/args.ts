// weakref-lint's command line, parsed without side effects so every mistake has one message.
import { RULE_IDS, type SeveritySetting } from '../analysis/types';

export type OutputFormat = 'text' | 'json' | 'sarif';

export interface CliArgs {
  format: OutputFormat;
  rules: Record<string, SeveritySetting>;
  maxFileSize: number;
  paths: string[];
}

export type ParsedArgs = { ok: true; args: CliArgs } | { ok: false; error: string } | { ok: 'help' } | { ok: 'version' };

export const USAGE = `Usage: weakref-lint [--format text|json|sarif] [--rule <id>=<off|info|warning|error> ...] [--max-file-size <bytes>] <files or folders...>

Reports misuse of WeakRef, WeakMap, WeakSet and FinalizationRegistry in .js .mjs .cjs .jsx .ts .mts .cts .tsx files, and of the weakref module in .py files.
Folders are searched recursively, skipping node_modules and folders whose names start with a dot.

Rules: ${RULE_IDS.join(', ')}
Files that are not linted are named on stderr and in every format: over --max-file-size or
binary (a warning when named here, a note when found in a folder), or not analysed (nesting too
deep to parse) or unreadable (errors).

Exit status: 0 nothing at warning or above, 1 findings or skipped named files, 2 bad usage, or an
input that could not be read or analysed.`;

const SEVERITIES = ['off', 'info', 'warning', 'error'];

export function parseArgs(argv: string[]): ParsedArgs {
  const args: CliArgs = { format: 'text', rules: {}, maxFileSize: 1_000_000, paths: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => (inline !== undefined ? inline : argv[++i]);
    if (a === '--') {
      args.paths.push(...argv.slice(i + 1));
      break;
    } else if (a === '-h' || a === '--help') {
      return { ok: 'help' };
    } else if (a === '-v' || a === '--version') {
      return { ok: 'version' };
    } else if (flag === '--format' || flag === '-f') {
      const f = value();
      if (f !== 'text' && f !== 'json' && f !== 'sarif') return { ok: false, error: `--format must be text, json or sarif, not ${JSON.stringify(f ?? '')}` };
      args.format = f;
    } else if (flag === '--rule') {
      const spec = value();
      const m = spec ? /^(?:weakref\/)?([a-z-]+)=([a-z]+)$/.exec(spec) : null;
      if (!m) return { ok: false, error: `--rule expects <id>=<severity>, for example unsafe-deref=error; got ${JSON.stringify(spec ?? '')}` };
      if (!(RULE_IDS as readonly string[]).includes(m[1])) return { ok: false, error: `unknown rule "${m[1]}"; the rules are ${RULE_IDS.join(', ')}` };
      if (!SEVERITIES.includes(m[2])) return { ok: false, error: `severity for ${m[1]} must be off, info, warning or error, not "${m[2]}"` };
      args.rules[m[1]] = m[2] as SeveritySetting;
    } else if (flag === '--max-file-size') {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 0) return { ok: false, error: '--max-file-size expects a number of bytes' };
      args.maxFileSize = n;
    } else if (a.startsWith('-') && a !== '-') {
      return { ok: false, error: `unknown option ${a}` };
    } else {
      args.paths.push(a);
    }
  }
  if (args.paths.length === 0) return { ok: false, error: 'no files or folders to lint' };
  return { ok: true, args };
}
