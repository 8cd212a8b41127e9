// npm run bench: the linter's speed, as figures and ratios (never asserted: machines are noisy).
//   (a) full lint of 1k, 10k, 100k-line files that use weak APIs
//   (b) the same sizes without weak APIs (the text pre-check path)
//   (c) re-lint after a one-character edit in a 10k-line file (incremental reparse)
//   (d) the weakref-lint CLI against ESLint (espree) running one no-restricted-syntax rule, on
//       a few hundred real files each given a weak-API line, and on this project's node_modules:
//       cold, with a warm --cache, and both tools with --concurrency auto
//   (e) how long the extension host's thread is blocked while the worker lints a 100k-line file
//   (f) Python: parse alone and full lint of 1k and 10k-line .py files that use weakref
//   (g) what eslint-plugin-weakref adds to an ESLint run (scripts/bench-eslint-plugin.mjs)
// Run `npm run build` first (it needs out/ and dist/). `--quick` or BENCH_QUICK=1: fewer runs, smaller corpora.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { allWeakCorpus } from './allWeakCorpus.mjs';
import { median, medianTime } from './timing.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
for (const f of ['out/src/analysis/index.js', 'out/src/linting/client.js', 'dist/lintWorker.js', 'dist/cli.js']) {
  if (!fs.existsSync(path.join(ROOT, f))) {
    console.error(`bench: ${f} is missing; run "npm run build" first.`);
    process.exit(2);
  }
}
const engine = require(path.join(ROOT, 'out/src/analysis/index.js'));
const { LintClient } = require(path.join(ROOT, 'out/src/linting/client.js'));
const quick = process.argv.includes('--quick') || process.env.BENCH_QUICK === '1';

const ms = (x) => `${x < 10 ? x.toFixed(2) : x.toFixed(1)} ms`;
// (the warm-up call of medianTime also loads the TypeScript compiler)
const time = medianTime;

function weakBlock(i) {
  return `
class Cache${i} {
  #entries = new Map();
  // Deletes only an entry that is still dead: the key may have been set again since.
  #registry = new FinalizationRegistry((key) => {
    if (this.#entries.get(key)?.deref() === undefined) this.#entries.delete(key);
  });
  get(key) {
    const value = this.#entries.get(key)?.deref();
    if (value === undefined) return undefined;
    return value.payload;
  }
  set(key, value) {
    this.#entries.set(key, new WeakRef(value));
    this.#registry.register(value, key);
  }
}
const meta${i} = new WeakMap();
function tag${i}(obj, label) {
  meta${i}.set(obj, { label, at: ${i} });
  return meta${i}.get(obj)?.label;
}
function risky${i}(ref) {
  return ref.deref().name;
}
const seen${i} = new WeakSet();
export function visit${i}(node) {
  if (seen${i}.has(node)) return false;
  seen${i}.add(node);
  for (const child of node.children ?? []) visit${i}(child);
  return true;
}
`;
}
// The same shape of code with no weak API in it.
function plainBlock(i) {
  return weakBlock(i)
    .replace(/WeakRef|WeakMap|WeakSet|FinalizationRegistry/g, 'Map')
    .replace(/deref/g, 'lookup');
}
function makeFile(lines, block) {
  const parts = [];
  let n = 0;
  for (let i = 0; n < lines; i++) {
    const b = block(i);
    parts.push(b);
    n += b.split('\n').length - 1;
  }
  return parts.join('');
}

const results = [];
function row(label, value, note = '') {
  results.push([label, value, note]);
  console.log(`${label.padEnd(58)} ${value.padStart(12)}  ${note}`);
}

console.log(`weakref-lint bench, node ${process.version}, ${os.cpus().length} CPUs${quick ? ' (quick)' : ''}\n`);

// (a) and (b)
for (const lines of [1_000, 10_000, 100_000]) {
  const runs = quick ? 3 : lines >= 100_000 ? 5 : lines >= 10_000 ? 15 : 40;
  const weak = makeFile(lines, weakBlock);
  const findings = engine.analyze(weak, 'bench.js').length;
  const t = time(() => engine.analyze(weak, 'bench.js'), runs);
  row(
    `(a) full lint, ${lines / 1000}k lines with weak APIs (${(weak.length / 1024).toFixed(0)} KB)`,
    ms(t),
    `median of ${runs}; ${findings} findings${lines === 10_000 ? `; target <= 40 ms: ${t <= 40 ? 'met' : 'NOT met'}` : ''}`,
  );
  const plain = makeFile(lines, plainBlock);
  const tp = time(() => engine.analyze(plain, 'bench.js'), runs * 5);
  const per100k = tp / (plain.length / 100_000);
  row(
    `(b) full lint, ${lines / 1000}k lines without weak APIs`,
    ms(tp),
    `${per100k.toFixed(4)} ms per 100 KB; target <= 0.1: ${per100k <= 0.1 ? 'met' : 'NOT met'}`,
  );
}

// (c)
{
  const text = makeFile(10_000, weakBlock);
  const at = text.indexOf('label, at: 500') + 'label, at: 5'.length;
  const runs = quick ? 5 : 40;
  const xs = [];
  const analyzer = engine.createDocumentAnalyzer('bench.js');
  analyzer.update(text);
  let current = text;
  for (let i = 0; i < runs + 1; i++) {
    // Alternate one digit so every edit really changes the text.
    const ch = i % 2 ? '0' : '7';
    const next = current.slice(0, at) + ch + current.slice(at + 1);
    const t = performance.now();
    analyzer.update(next, [{ start: at, end: at + 1, newText: ch }]);
    if (i > 0) xs.push(performance.now() - t);
    current = next;
  }
  const full = time(() => engine.analyze(current, 'bench.js'), quick ? 3 : 10);
  const t = median(xs);
  row(
    '(c) re-lint after a 1-character edit, 10k lines',
    ms(t),
    `median of ${runs}; full lint ${ms(full)} (${(full / t).toFixed(1)}x); target <= 10 ms: ${t <= 10 ? 'met' : 'NOT met'}`,
  );
}

// (d)
await compareWithEslint();

// (f)
{
  const { parsePython } = require(path.join(ROOT, 'out/src/analysis/python/tree.js'));
  // Ordinary weakref code, with a mistake now and then (an unchecked r() and a bound method held weakly).
  const pyBlock = (i) => `
class Node${i}:
    def __init__(self, parent=None):
        self._parent = weakref.ref(parent) if parent is not None else None
        self.children = []

    def parent_name(self):
        p = self._parent() if self._parent else None
        if p is None:
            return None
        return p.name

    def on_change(self):
        pass

    def watch(self):
        return weakref.ref(self.on_change)

cache${i} = weakref.WeakValueDictionary()
def remember${i}(key, value):
    cache${i}[key] = value
    return [x * 2 for x in range(${i % 7})]
`;
  for (const lines of [1_000, 10_000]) {
    const runs = quick ? 3 : lines >= 10_000 ? 9 : 25;
    const text = 'import weakref\n' + makeFile(lines, pyBlock);
    const tParse = time(() => parsePython(text), runs);
    const findings = engine.analyzePython(text).length;
    const tLint = time(() => engine.analyzePython(text), runs);
    row(
      `(f) Python parse, ${lines / 1000}k lines (${(text.length / 1024).toFixed(0)} KB)`,
      ms(tParse),
      `median of ${runs}; @lezer/python into plain nodes`,
    );
    row(`(f) Python full lint, ${lines / 1000}k lines`, ms(tLint), `median of ${runs}; ${findings} findings`);
  }
}

// (e)
{
  const text = makeFile(100_000, weakBlock);
  // The editor's worker, with the editor's resource limits.
  const { EDITOR_WORKER_LIMITS } = require(path.join(ROOT, 'out/src/linting/limits.js'));
  const client = new LintClient(path.join(ROOT, 'dist', 'lintWorker.js'), () => undefined, {
    resourceLimits: EDITOR_WORKER_LIMITS,
  });
  await client.lint({ key: 'warm', fileName: 'warm.js', text: weakBlock(0), options: {} });
  const h = monitorEventLoopDelay({ resolution: 1 });
  h.enable();
  const t = performance.now();
  const r = await client.lint({ key: 'big', fileName: 'big.js', text, options: {} });
  const total = performance.now() - t;
  h.disable();
  client.dispose();
  const maxBlock = h.max / 1e6;
  row(
    '(e) host thread blocked while the worker lints 100k lines',
    ms(maxBlock),
    `longest event-loop delay; lint took ${ms(total)}, ${r.findings.length} findings; target <= 50 ms: ${maxBlock <= 50 ? 'met' : 'NOT met'}`,
  );
}

// (g) what eslint-plugin-weakref adds to an ESLint run: its own script, so it can also run alone.
{
  const plugin = path.join(ROOT, 'packages', 'eslint-plugin-weakref', 'dist', 'index.js');
  if (!fs.existsSync(plugin))
    spawnSync(process.execPath, ['esbuild.mjs', '--production', '--only=eslint-plugin'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
  spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'bench-eslint-plugin.mjs'), ...(quick ? ['--quick'] : [])], {
    cwd: ROOT,
    stdio: 'inherit',
  });
}

// ---- (d): the CLI against ESLint, as a CI team would run them ----

async function compareWithEslint() {
  const runs = quick ? 1 : 3;
  const corpus = fs.mkdtempSync(path.join(os.tmpdir(), 'weakref-bench-weak-'));
  try {
    const n = allWeakCorpus(path.join(ROOT, 'node_modules'), corpus, quick ? 100 : 300);
    cliAgainstEslint(`all-weak corpus, ${n} real files each with a weak-API line`, {
      cwd: corpus,
      cli: ['.'],
      eslint: ['.'],
      runs,
      targetRatio: 5,
    });
  } finally {
    fs.rmSync(corpus, { recursive: true, force: true });
  }
  // The real tree as it is, every JavaScript file in it, both tools told to look inside
  // node_modules, less the few files over weakref-lint's default --max-file-size (1 MB): bundles
  // such as typescript.js that are most of the bytes and that a CI lint would not include.
  const big = largeFiles(path.join(ROOT, 'node_modules'), 1_000_000).flatMap((f) => [
    '--ignore-pattern',
    path.relative(ROOT, f).split(path.sep).join('/'),
  ]);
  cliAgainstEslint(`real tree, this project's node_modules (less ${big.length / 2} files over 1 MB)`, {
    cwd: ROOT,
    // ESLint reads no .gitignore; ours would skip node_modules/.cache (ignored by this repo's .gitignore).
    cli: ['--no-gitignore', '--ignore-pattern', '!node_modules/', ...big, 'node_modules/**/*.{js,cjs,mjs}'],
    // ESLint's --no-ignore leaves its default node_modules ignore on; a pattern re-includes it.
    // weakref-lint searches a dot folder only when it is named (docs/weakref-lint.md); ESLint searches
    // them all, so its run leaves out the one dot folder in node_modules (.cache) to lint the same files.
    eslint: [
      '--ignore-pattern',
      '!**/node_modules/',
      '--ignore-pattern',
      'node_modules/.cache/',
      ...big,
      'node_modules/**/*.{js,cjs,mjs}',
    ],
    runs,
    targetRatio: 20,
  });
}

/** The .js, .cjs and .mjs files under `dir` larger than `bytes`. */
function largeFiles(dir, bytes) {
  const found = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.isFile() && /\.[cm]?js$/.test(e.name) && fs.statSync(full).size > bytes) found.push(full);
    }
  };
  walk(dir);
  return found.sort();
}

function timedRun(cmd, args, cwd) {
  const t = performance.now();
  const r = spawnSync(process.execPath, [cmd, ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: { ...process.env, WEAKREF_LINT_DEBUG: '1' },
  });
  const elapsed = performance.now() - t;
  if (r.status === 2 || r.status === null)
    console.error(`bench: ${path.basename(cmd)} ${args.join(' ')}: ${r.stderr.slice(0, 400)}`);
  return { ms: elapsed, stdout: r.stdout, stderr: r.stderr };
}

/** The CLI's own count of what it did (WEAKREF_LINT_DEBUG). */
function cliStats(stderr) {
  return JSON.parse(/weakref-lint: debug (.*)/.exec(stderr)?.[1] ?? '{}');
}

/**
 * Times, interleaved `runs` times: the CLI cold (no cache), warm (--cache on an unchanged tree,
 * filled by one untimed run first) and with --concurrency auto; ESLint with one
 * no-restricted-syntax rule at its default and with --concurrency auto. Prints medians and ratios.
 */
function cliAgainstEslint(label, { cwd, cli, eslint, runs, targetRatio }) {
  const cliBin = path.join(ROOT, 'dist', 'cli.js');
  const eslintBin = path.join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js');
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'weakref-bench-cache-'));
  const cacheFile = path.join(cacheDir, 'cache.json');
  // The same files for both tools: no size limit, and ESLint without config lookup.
  const cliBase = ['--format', 'json', '--max-file-size', '100000000'];
  const rule = JSON.stringify({ 'no-restricted-syntax': ['error', "NewExpression[callee.name='WeakRef']"] });
  const eslintBase = ['--no-config-lookup', '--format', 'json', '--rule', rule];
  const variants = {
    cliCold: () => timedRun(cliBin, [...cliBase, ...cli], cwd),
    cliWarm: () => timedRun(cliBin, [...cliBase, '--cache', '--cache-location', cacheFile, ...cli], cwd),
    cliAuto: () => timedRun(cliBin, [...cliBase, '--concurrency', 'auto', ...cli], cwd),
    eslint: () => timedRun(eslintBin, [...eslintBase, ...eslint], cwd),
    eslintAuto: () => timedRun(eslintBin, [...eslintBase, '--concurrency', 'auto', ...eslint], cwd),
  };
  const times = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
  const last = {};
  try {
    variants.cliWarm(); // fills the cache
    for (let i = 0; i < runs; i++)
      for (const [k, fn] of Object.entries(variants)) {
        last[k] = fn();
        times[k].push(last[k].ms);
      }
  } finally {
    fs.rmSync(cacheDir, { recursive: true, force: true });
  }
  const m = Object.fromEntries(Object.entries(times).map(([k, xs]) => [k, median(xs)]));
  const cold = cliStats(last.cliCold.stderr);
  const warm = cliStats(last.cliWarm.stderr);
  const auto = cliStats(last.cliAuto.stderr);
  const eslintFiles = JSON.parse(last.eslint.stdout).length;
  const ratio = m.eslint / m.cliCold;
  const warmShare = m.cliWarm / m.cliCold;
  const of = `median of ${runs}`;
  console.log(`\n(d) ${label}`);
  row(
    '    weakref-lint, cold',
    ms(m.cliCold),
    `${of}; ${cold.files} files, ${cold.linted} parsed, ${cold.precheckSkipped} ruled out by the text pre-check`,
  );
  row(
    '    weakref-lint --cache, unchanged tree',
    ms(m.cliWarm),
    `${of}; ${warm.fromCache} from the cache; ${(warmShare * 100).toFixed(1)}% of cold; target <= 10%: ${warmShare <= 0.1 ? 'met' : 'NOT met'}`,
  );
  row('    weakref-lint --concurrency auto', ms(m.cliAuto), `${of}; ${auto.workers} worker threads`);
  row('    ESLint, one no-restricted-syntax rule', ms(m.eslint), `${of}; ${eslintFiles} files`);
  row('    ESLint --concurrency auto', ms(m.eslintAuto), of);
  row(
    '    ratio ESLint / weakref-lint (both default)',
    `${ratio.toFixed(1)}x`,
    `target >= ${targetRatio}x: ${ratio >= targetRatio ? 'met' : 'NOT met'}`,
  );
  row('    ratio ESLint / weakref-lint (both --concurrency auto)', `${(m.eslintAuto / m.cliAuto).toFixed(1)}x`, '');
}
