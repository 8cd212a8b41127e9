// npm run ecosystem: lints a pinned corpus of real projects that use weak APIs (npm packages,
// Debian's Python packages and CPython's standard library; test/ecosystem/corpus.json) with
// weakref-lint, lints its JavaScript with the ESLint plugin in ESLint and in oxlint, checks that
// the three agree, and compares the findings with the triaged ones (test/ecosystem/triage.json).
// Fails on any disagreement and on any finding that is new, gone or untriaged.
//   --update        rewrite the triage file: drop gone findings, add new ones as "untriaged"
//   --cache <dir>   where the corpus and oxlint go (default ~/.cache/weakref-lessons/ecosystem,
//                   or WEAKREF_ECOSYSTEM_CACHE)
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDebian, fetchNpm, readCorpus, run } from './ecosystem/corpus.mjs';
import { cliRules, lintWithCli, lintWithEslint, lintWithOxlint } from './ecosystem/linters.mjs';
import { report } from './ecosystem/report.mjs';
import { findingKey, inventory, sources } from './ecosystem/sources.mjs';
import { compare, readTriage, update } from './ecosystem/triage.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS = join(ROOT, 'test', 'ecosystem', 'corpus.json');
const TRIAGE = join(ROOT, 'test', 'ecosystem', 'triage.json');
const CLI = join(ROOT, 'dist', 'cli.js');
const PLUGIN = join(ROOT, 'packages', 'eslint-plugin-weakref', 'dist', 'index.js');
/** oxlint is pinned: its JavaScript plugin support is young, and a new version may change what it reports. */
const OXLINT_VERSION = '1.96.0';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
/** A superset of the engine's own precheck: a file that names none of these has no finding. */
const NAMES_A_WEAK_API = /Weak|FinalizationRegistry|deref|weakref/;

const args = process.argv.slice(2);
const cacheArg = args.indexOf('--cache');
const CACHE =
  (cacheArg >= 0 ? args[cacheArg + 1] : undefined) ??
  process.env.WEAKREF_ECOSYSTEM_CACHE ??
  join(homedir(), '.cache', 'weakref-lessons', 'ecosystem');

const log = (s) => console.error(`[ecosystem] ${s}`);
const times = {};
/** CPU seconds of this process and the children it waited for (Linux), to tell work from waiting on a busy machine. */
function cpuSeconds() {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    // utime, stime, cutime, cstime are fields 14-17 of stat; the split above starts at field 3.
    return fields.slice(11, 15).reduce((s, x) => s + Number(x), 0) / 100;
  } catch {
    return NaN;
  }
}
async function timed(name, f) {
  const t = performance.now();
  const cpu = cpuSeconds();
  try {
    return await f();
  } finally {
    times[name] = { wall: (performance.now() - t) / 1000, cpu: cpuSeconds() - cpu };
  }
}

/** oxlint from npm into the cache (its native binary comes as a registry package). */
function oxlint() {
  const dir = join(CACHE, `oxlint@${OXLINT_VERSION}`);
  const bin = join(dir, 'node_modules', '.bin', 'oxlint');
  if (!existsSync(bin)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({ private: true, dependencies: { oxlint: OXLINT_VERSION } }, null, 2),
    );
    run(npm, ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], { cwd: dir });
  }
  return { bin, dir };
}

const started = performance.now();
const corpus = readCorpus(CORPUS);
const npmRoot = join(CACHE, 'npm');

await timed('build', () =>
  run(process.execPath, ['esbuild.mjs', '--production', '--only=cli,lintWorker,lintWorkerEntry,eslint-plugin'], {
    cwd: ROOT,
  }),
);
const fetched = await timed('install', () => {
  const count = fetchNpm(corpus, npmRoot);
  const problems = ensureDebian(corpus, log);
  if (problems.length > 0) {
    for (const p of problems) log(p);
    process.exit(2);
  }
  return { count, oxlint: oxlint() };
});
log(`corpus in ${CACHE} (${fetched.count} npm packages fetched now)`);

const list = sources(corpus, npmRoot);
const files = await timed('inventory', () => inventory(list));

const rules = cliRules(CLI);
const cli = await timed('weakref-lint', () =>
  lintWithCli(
    CLI,
    list.map((s) => s.root),
    '/',
  ),
);
const notLinted = new Set(cli.notices.map((n) => n.file));
const jsFiles = files.filter((f) => f.lang === 'javascript' && !notLinted.has(f.file)).map((f) => f.file);
// ESLint and oxlint get the files that name a weak API at all: no rule can find anything in the
// others (weakref-lint itself skips them unparsed). A weakref-lint finding outside them would
// still show below as a disagreement, since the comparison covers every JavaScript file.
const weakJsFiles = jsFiles.filter((f) => NAMES_A_WEAK_API.test(readFileSync(f, 'utf8')));
log(`weakref-lint: ${cli.findings.length} findings, ${cli.notices.length} files not linted`);

const eslint = await timed('ESLint', () => lintWithEslint(ROOT, PLUGIN, weakJsFiles));
log(`ESLint: ${eslint.findings.length} findings, ${eslint.unparsed.length} files it could not parse`);
const ox = await timed('oxlint', () => lintWithOxlint(fetched.oxlint.bin, fetched.oxlint.dir, PLUGIN, weakJsFiles));
log(`oxlint: ${ox.findings.length} findings`);

// Agreement: on the JavaScript files all three linted, for the rules the plugin has.
const unparsed = new Set(eslint.unparsed.map((u) => u.file));
// A file neither parser reads (a package's deliberately broken test input) is left out of both.
const oxOther = ox.other.filter((o) => !unparsed.has(o.file));
const jsSet = new Set(jsFiles.filter((f) => !unparsed.has(f)));
const shared = new Set(eslint.rules.map((r) => r.replace(/^weakref\//, '')));
const keysOf = (findings) =>
  new Set(findings.filter((f) => jsSet.has(f.file) && shared.has(f.rule)).map((f) => findingKey(list, f)));
const byLinter = { 'weakref-lint': keysOf(cli.findings), ESLint: keysOf(eslint.findings), oxlint: keysOf(ox.findings) };
const all = new Set(Object.values(byLinter).flatMap((s) => [...s]));
const disagreements = [...all]
  .filter((k) => !Object.values(byLinter).every((s) => s.has(k)))
  .sort()
  .map(
    (k) =>
      `${k}: found by ${Object.entries(byLinter)
        .filter(([, s]) => s.has(k))
        .map(([n]) => n)
        .join(', ')}`,
  );

// Triage: every weakref-lint finding, JavaScript and Python.
const lineText = new Map();
const withKeys = cli.findings.map((f) => {
  if (!lineText.has(f.file)) lineText.set(f.file, readFileSync(f.file, 'utf8').split('\n'));
  const code = (lineText.get(f.file)[f.line - 1] ?? '').trim().slice(0, 160);
  return { ...f, key: findingKey(list, f), code };
});
let triage = readTriage(TRIAGE);
if (args.includes('--update')) triage = { ...triage, entries: update(TRIAGE, triage, withKeys) };
const diff = compare(
  triage,
  withKeys.map((f) => f.key),
);

times.total = { wall: (performance.now() - started) / 1000, cpu: cpuSeconds() };
const text = report({
  corpus,
  list,
  files,
  rules,
  cli,
  eslint,
  ox: { ...ox, other: oxOther.map((o) => `${o.file}: ${o.message}`) },
  jsFiles: weakJsFiles,
  allJsFiles: jsFiles,
  triage,
  withKeys,
  disagreements,
  diff,
  times,
});
console.log(text);
writeFileSync(join(CACHE, 'report.md'), text);

const failed = disagreements.length + diff.added.length + diff.gone.length + diff.untriaged.length + oxOther.length;
console.log(failed === 0 ? '\necosystem: passed' : `\necosystem: FAILED (${failed} problems above)`);
process.exit(failed === 0 ? 0 : 1);
