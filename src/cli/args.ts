// weakref-lint's command line, parsed by util.parseArgs without side effects so every mistake
// has one message.
import { parseArgs as parseArgv } from 'util';
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

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  format: { type: 'string', short: 'f' },
  rule: { type: 'string', multiple: true },
  'max-file-size': { type: 'string' },
} as const;

/** util.parseArgs's own errors name the option but also its internals; this keeps the part a user needs. */
function argvError(e: unknown): string {
  const { code, message } = e as { code?: string; message: string };
  const option = /'([^']+)'/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) return `unknown option ${option}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) return `${option.replace(/^-\w, /, '').replace(/ <value>$/, '')} expects a value`;
  return message.split('\n')[0];
}

function parseRule(spec: string): { id: string; severity: SeveritySetting } | string {
  const m = /^(?:weakref\/)?([a-z-]+)=([a-z]+)$/.exec(spec);
  if (!m) return `--rule expects <id>=<severity>, for example unsafe-deref=error; got ${JSON.stringify(spec)}`;
  if (!(RULE_IDS as readonly string[]).includes(m[1])) return `unknown rule "${m[1]}"; the rules are ${RULE_IDS.join(', ')}`;
  if (!SEVERITIES.includes(m[2])) return `severity for ${m[1]} must be off, info, warning or error, not "${m[2]}"`;
  return { id: m[1], severity: m[2] as SeveritySetting };
}

export function parseArgs(argv: string[]): ParsedArgs {
  let parsed: ReturnType<typeof parseArgv<{ args: string[]; options: typeof OPTIONS; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgv({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    return { ok: false, error: argvError(e) };
  }
  const { values, positionals } = parsed;
  if (values.help) return { ok: 'help' };
  if (values.version) return { ok: 'version' };
  const args: CliArgs = { format: 'text', rules: {}, maxFileSize: 1_000_000, paths: positionals };
  if (values.format !== undefined) {
    const f = values.format;
    if (f !== 'text' && f !== 'json' && f !== 'sarif') return { ok: false, error: `--format must be text, json or sarif, not ${JSON.stringify(f)}` };
    args.format = f;
  }
  for (const spec of values.rule ?? []) {
    const rule = parseRule(spec);
    if (typeof rule === 'string') return { ok: false, error: rule };
    args.rules[rule.id] = rule.severity;
  }
  if (values['max-file-size'] !== undefined) {
    const n = Number(values['max-file-size']);
    if (values['max-file-size'].trim() === '' || !Number.isInteger(n) || n < 0) return { ok: false, error: '--max-file-size expects a number of bytes' };
    args.maxFileSize = n;
  }
  if (args.paths.length === 0) return { ok: false, error: 'no files or folders to lint' };
  return { ok: true, args };
}
