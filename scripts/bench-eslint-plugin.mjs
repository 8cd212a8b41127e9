// What eslint-plugin-weakref adds to an ESLint run (never asserted: machines are noisy).
//   (f) ESLint with its recommended core rules on a few hundred real files from node_modules
//       (half of them use weak APIs, so the engine really parses them), with and without
//       weakref.configs.recommended; once with espree (the plugin parses each file itself with
//       TypeScript) and once with typescript-eslint's parser (the plugin reuses its tree).
// Needs the plugin built: npm run package:eslint-plugin (or npm run bundle).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { median } from './timing.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const PLUGIN = path.join(ROOT, 'packages', 'eslint-plugin-weakref', 'dist', 'index.js');
if (!fs.existsSync(PLUGIN)) {
  console.error('bench: the plugin is not built; run "npm run package:eslint-plugin" first.');
  process.exit(2);
}
const quick = process.argv.includes('--quick');
const RUNS = quick ? 3 : 5;
const WEAK = /new (WeakMap|WeakSet|WeakRef|FinalizationRegistry)\b/;

// A few hundred real files: up to 150 that use a weak API, then files that do not, to 300.
const weak = [];
const plain = [];
const walk = (dir) => {
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  } catch {
    return;
  }
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== '.cache') walk(full);
    } else if (/\.(js|cjs)$/.test(e.name) && fs.statSync(full).size < 200_000) {
      const text = fs.readFileSync(full, 'utf8');
      (WEAK.test(text) ? weak : plain).push(full);
    }
  }
};
walk(path.join(ROOT, 'node_modules'));
const picked = [...weak.slice(0, 150), ...plain.slice(0, 300 - Math.min(weak.length, 150))];
const corpus = fs.mkdtempSync(path.join(os.tmpdir(), 'weakref-eslint-bench-'));
fs.mkdirSync(path.join(corpus, 'src'));
picked.forEach((f, i) => fs.copyFileSync(f, path.join(corpus, 'src', `f${i}.js`)));
const bytes = picked.reduce((n, f) => n + fs.statSync(f).size, 0);

const { builtinRules } = require('eslint/use-at-your-own-risk');
const recommended = Object.fromEntries(
  [...builtinRules].filter(([, r]) => r.meta?.docs?.recommended).map(([id]) => [id, 'warn']),
);
const url = (p) => JSON.stringify(pathToFileURL(p).href);
const config = (parser, withPlugin) => `import weakref from ${url(PLUGIN)};
${parser === 'ts' ? `import tseslint from ${url(require.resolve('typescript-eslint'))};` : ''}
export default [
  { files: ['**/*.js', '**/*.cjs'], languageOptions: { sourceType: 'commonjs', ${parser === 'ts' ? 'parser: tseslint.parser' : ''} }, linterOptions: { reportUnusedDisableDirectives: 'off' }, rules: ${JSON.stringify(recommended)} },
  ${withPlugin ? 'weakref.configs.recommended,' : ''}
];
`;
const variants = [];
for (const parser of ['espree', 'ts']) {
  for (const withPlugin of [false, true]) {
    const file = path.join(corpus, `eslint.${parser}.${withPlugin ? 'plugin' : 'base'}.config.mjs`);
    fs.writeFileSync(file, config(parser, withPlugin));
    variants.push({ parser, withPlugin, file, times: [], findings: 0 });
  }
}
const eslintBin = path.join(path.dirname(require.resolve('eslint/package.json')), 'bin', 'eslint.js');
for (let i = 0; i < RUNS; i++) {
  for (const v of variants) {
    const t = performance.now();
    const r = spawnSync(process.execPath, [eslintBin, '--no-ignore', '-c', v.file, '--format', 'json', 'src'], {
      cwd: corpus,
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    });
    v.times.push(performance.now() - t);
    if (r.status === 2) {
      console.error(r.stderr.slice(0, 1000));
      process.exit(2);
    }
    v.findings = JSON.parse(r.stdout).reduce(
      (n, res) => n + res.messages.filter((m) => m.ruleId?.startsWith('weakref/')).length,
      0,
    );
  }
}
const row = (label, value, note = '') => console.log(`${label.padEnd(72)} ${value.padStart(10)}  ${note}`);
const s = (x) => `${(x / 1000).toFixed(2)} s`;
row(
  `(f) ESLint, recommended core rules, ${picked.length} real files (${(bytes / 1e6).toFixed(1)} MB, ${Math.min(weak.length, 150)} using weak APIs)`,
  '',
  `median of ${RUNS} runs each`,
);
for (const [parser, label, target] of [
  ['espree', 'espree', 25],
  ['ts', '@typescript-eslint/parser (tree reused)', 10],
]) {
  const base = median(variants.find((v) => v.parser === parser && !v.withPlugin).times);
  const withPlugin = variants.find((v) => v.parser === parser && v.withPlugin);
  const plus = median(withPlugin.times);
  const added = ((plus - base) / base) * 100;
  row(`    ${label}: without the plugin`, s(base));
  row(
    `    ${label}: with weakref.configs.recommended (${withPlugin.findings} findings)`,
    s(plus),
    `+${added.toFixed(1)}%; target <= ${target}%: ${added <= target ? 'met' : 'NOT met'}`,
  );
}
fs.rmSync(corpus, { recursive: true, force: true });
