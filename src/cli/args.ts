// weakref-lint's command line, parsed by util.parseArgs without side effects so every mistake
// has one message.
import { parseArgs as parseArgv } from 'util';
import { bareRuleId, isRuleId, RULE_IDS, SEVERITY_SETTINGS } from '../analysis/ruleMeta';
import type { SeveritySetting } from '../analysis/types';
import type { CacheStrategy } from './cache';
import type { Concurrency } from './concurrency';

/** stylish: grouped by file (the default); unix: one line per finding (`text` is its older name). */
export type OutputFormat = 'stylish' | 'unix' | 'json' | 'sarif';
const FORMATS: readonly string[] = ['stylish', 'unix', 'text', 'json', 'sarif'];

export interface CliArgs {
  format: OutputFormat;
  rules: Record<string, SeveritySetting>;
  maxFileSize: number;
  /** Exit 1 only when the warnings are more than this; undefined: any warning fails. */
  maxWarnings?: number;
  /** Report and count errors only. */
  quiet: boolean;
  /** --cache: where the cache file is, and how a file is known to be unchanged; undefined without --cache. */
  cache?: { location?: string; strategy: CacheStrategy };
  concurrency: Concurrency;
  /** --ignore-pattern, in .gitignore syntax relative to the working folder. */
  ignorePatterns: string[];
  /** Read .gitignore files (off with --no-gitignore). */
  gitignore: boolean;
  /** Warn about a named file or folder that is ignored (off with --no-warn-ignored). */
  warnIgnored: boolean;
  paths: string[];
}

export type ParsedArgs =
  { ok: true; args: CliArgs } | { ok: false; error: string } | { ok: 'help' } | { ok: 'version' };

export const USAGE = `Usage: weakref-lint [options] <files, folders or globs...>

Options:
  -f, --format stylish|unix|json|sarif   output format (default stylish, grouped by file; unix is one
                                         line per finding, and text is its older name)
  --rule <id>=<off|info|warning|error>   a rule's severity (repeatable)
  --max-file-size <bytes>                larger files are skipped (default 1000000)
  --max-warnings <n>                     fail (exit 1) only when there are more than n warnings
  --quiet                                report errors only
  --cache                                reuse the findings of files unchanged since the last run
  --cache-location <file or folder>      where the cache is (default .weakreflintcache)
  --cache-strategy metadata|content      unchanged means same size and time (default) or same text
  --concurrency auto|off|<n>             lint on n worker threads (auto: one per 50 files, at most
                                         half the cores; off: one)
  --ignore-pattern <pattern>             leave out files matching a .gitignore-style pattern (repeatable)
  --no-gitignore                         do not read .gitignore files
  --no-warn-ignored                      no warning for a named file that is ignored
  -h, --help, -v, --version

Reports misuse of WeakRef, WeakMap, WeakSet and FinalizationRegistry in .js .mjs .cjs .jsx .ts .mts .cts .tsx files, and of the weakref module in .py files.
Folders are searched recursively, skipping folders whose names start with a dot. A pattern that
names no file or folder is a glob (quote it: "src/**/*.js"). Left out: what .gitignore files
ignore, then node_modules and .git (a .gitignore cannot re-include them), then what
.weakreflintignore in the working folder and --ignore-pattern ignore (these can: !node_modules/).

Rules: ${RULE_IDS.join(', ')}
Files that are not linted are named on stderr and in every format: over --max-file-size or
binary (a warning when named here, a note when found in a folder), or not analysed (nesting too
deep to parse) or unreadable (errors).

Exit status: 0 nothing at warning or above (or no more warnings than --max-warnings), 1 findings
or skipped named files, 2 bad usage, or an input that could not be read or analysed.`;

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  format: { type: 'string', short: 'f' },
  rule: { type: 'string', multiple: true },
  'max-file-size': { type: 'string' },
  'max-warnings': { type: 'string' },
  quiet: { type: 'boolean' },
  cache: { type: 'boolean' },
  'cache-location': { type: 'string' },
  'cache-strategy': { type: 'string' },
  concurrency: { type: 'string' },
  'ignore-pattern': { type: 'string', multiple: true },
  // Node 20's util.parseArgs has no allowNegative, so the --no- forms are options of their own.
  'no-gitignore': { type: 'boolean' },
  'no-warn-ignored': { type: 'boolean' },
} as const;

/** A whole number of at least 0 written in decimal, or undefined. */
function count(text: string): number | undefined {
  return /^\d+$/.test(text.trim()) ? Number(text) : undefined;
}

/** util.parseArgs's own errors name the option but also its internals; this keeps the part a user needs. */
function argvError(e: unknown): string {
  const { code, message } = e as { code?: string; message: string };
  const option = /'([^']+)'/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) return `unknown option ${option}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) {
    const name = option.replace(/^-\w, /, '').replace(/ <value>$/, '');
    return /ambiguous/.test(message)
      ? `${name} expects a value; write ${name}=<value> for one that starts with -`
      : `${name} expects a value`;
  }
  return message.split('\n')[0];
}

function parseRule(spec: string): { id: string; severity: SeveritySetting } | string {
  const m = /^([a-z/-]+)=([a-z]+)$/.exec(spec);
  if (!m) return `--rule expects <id>=<severity>, for example unsafe-deref=error; got ${JSON.stringify(spec)}`;
  const id = bareRuleId(m[1]);
  if (!isRuleId(id)) return `unknown rule "${id}"; the rules are ${RULE_IDS.join(', ')}`;
  if (!(SEVERITY_SETTINGS as readonly string[]).includes(m[2]))
    return `severity for ${id} must be ${SEVERITY_SETTINGS.slice(0, -1).join(', ')} or ${SEVERITY_SETTINGS[SEVERITY_SETTINGS.length - 1]}, not "${m[2]}"`;
  return { id, severity: m[2] as SeveritySetting };
}

/** util.parseArgs reads `--max-warnings -1` (ESLint's "no limit") as a missing value; this is the one negative value an option takes. */
function joinNegativeLimit(argv: string[]): string[] {
  const end = argv.indexOf('--');
  return argv.flatMap((a, i) =>
    a === '--max-warnings' && (end < 0 || i < end) && argv[i + 1] === '-1'
      ? ['--max-warnings=-1']
      : i > 0 && argv[i - 1] === '--max-warnings' && a === '-1' && (end < 0 || i - 1 < end)
        ? []
        : [a],
  );
}

export function parseArgs(argv: string[]): ParsedArgs {
  let parsed: ReturnType<
    typeof parseArgv<{ args: string[]; options: typeof OPTIONS; allowPositionals: true; strict: true }>
  >;
  try {
    parsed = parseArgv({ args: joinNegativeLimit(argv), options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    return { ok: false, error: argvError(e) };
  }
  const { values, positionals } = parsed;
  if (values.help) return { ok: 'help' };
  if (values.version) return { ok: 'version' };
  const args: CliArgs = {
    format: 'stylish',
    rules: {},
    maxFileSize: 1_000_000,
    quiet: values.quiet ?? false,
    concurrency: 'off',
    ignorePatterns: values['ignore-pattern'] ?? [],
    gitignore: !values['no-gitignore'],
    warnIgnored: !values['no-warn-ignored'],
    paths: positionals,
  };
  if (values.format !== undefined) {
    const f = values.format;
    if (!FORMATS.includes(f))
      return { ok: false, error: `--format must be stylish, unix, json or sarif, not ${JSON.stringify(f)}` };
    args.format = f === 'text' ? 'unix' : (f as OutputFormat);
  }
  for (const spec of values.rule ?? []) {
    const rule = parseRule(spec);
    if (typeof rule === 'string') return { ok: false, error: rule };
    args.rules[rule.id] = rule.severity;
  }
  if (values['max-file-size'] !== undefined) {
    const n = Number(values['max-file-size']);
    if (values['max-file-size'].trim() === '' || !Number.isInteger(n) || n < 0)
      return { ok: false, error: '--max-file-size expects a number of bytes' };
    args.maxFileSize = n;
  }
  if (values['max-warnings'] !== undefined) {
    // ESLint's -1 means "no limit", which is what leaving the option out means here.
    const n = values['max-warnings'].trim() === '-1' ? -1 : count(values['max-warnings']);
    if (n === undefined)
      return { ok: false, error: '--max-warnings expects a number of warnings (0 or more, or -1 for no limit)' };
    args.maxWarnings = n < 0 ? Infinity : n;
  }
  const strategy = values['cache-strategy'] ?? 'metadata';
  if (strategy !== 'metadata' && strategy !== 'content')
    return { ok: false, error: `--cache-strategy must be metadata or content, not ${JSON.stringify(strategy)}` };
  if (values.cache) args.cache = { location: values['cache-location'], strategy };
  if (values.concurrency !== undefined) {
    const c = values.concurrency;
    const n = count(c);
    if (c !== 'auto' && c !== 'off' && !(n !== undefined && n >= 1))
      return {
        ok: false,
        error: `--concurrency must be auto, off or a number of threads (1 or more), not ${JSON.stringify(c)}`,
      };
    args.concurrency = c === 'auto' || c === 'off' ? c : n!;
  }
  if (args.paths.length === 0) return { ok: false, error: 'no files or folders to lint' };
  return { ok: true, args };
}
