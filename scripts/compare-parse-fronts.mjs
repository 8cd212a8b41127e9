// Would oxc-parser pay for itself as weakref-lint's parse front? Parse time of
// TypeScript's parser, called as the engine calls it, against oxc-parser's parseSync, on the
// bench's all-weak-API corpus. Prints figures only; nothing switches on them.
// oxc-parser is not a dependency: `npm install --no-save oxc-parser` first (a native binding,
// from the npm registry), then `node scripts/compare-parse-fronts.mjs [--quick]`.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { allWeakCorpus } from './allWeakCorpus.mjs';
import { median, medianTime } from './timing.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const quick = process.argv.includes('--quick') || process.env.BENCH_QUICK === '1';
let oxc;
try {
  oxc = require('oxc-parser');
} catch {
  console.error('compare-parse-fronts: oxc-parser is not installed; run "npm install --no-save oxc-parser" first.');
  process.exit(2);
}
const ts = require('typescript');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weakref-parse-fronts-'));
try {
  const count = allWeakCorpus(path.join(ROOT, 'node_modules'), dir, quick ? 100 : 300);
  const files = fs.readdirSync(dir).map((f) => ({ name: f, text: fs.readFileSync(path.join(dir, f), 'utf8') }));
  const bytes = files.reduce((n, f) => n + Buffer.byteLength(f.text), 0);
  // As src/analysis/javascript/analyze.ts parses: latest target, no parent pointers, the kind from the name.
  const parseTs = () => {
    for (const f of files) ts.createSourceFile(f.name, f.text, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  };
  let oxcErrors = 0;
  const parseOxc = () => {
    oxcErrors = 0;
    for (const f of files) oxcErrors += oxc.parseSync(f.name, f.text).errors.length > 0 ? 1 : 0;
  };
  const runs = quick ? 3 : 9;
  // The warm-up call of medianTime loads and compiles each parser.
  const time = (fn) => medianTime(fn, runs);
  // Alternate the two so load on a shared machine falls on both.
  const tsTimes = [];
  const oxcTimes = [];
  for (let round = 0; round < 2; round++) {
    tsTimes.push(time(parseTs));
    oxcTimes.push(time(parseOxc));
  }
  const tTs = median(tsTimes);
  const tOxc = median(oxcTimes);
  const oxcVersion = require('oxc-parser/package.json').version;
  console.log(`parse fronts, node ${process.version}, ${os.cpus().length} CPUs${quick ? ' (quick)' : ''}`);
  console.log(`all-weak corpus: ${count} real files, ${(bytes / 1e6).toFixed(2)} MB; medians of ${runs} passes, twice`);
  console.log(`  TypeScript ${ts.version} createSourceFile   ${tTs.toFixed(1)} ms`);
  console.log(
    `  oxc-parser ${oxcVersion} parseSync (to JS objects)   ${tOxc.toFixed(1)} ms   (${oxcErrors} files with parse errors)`,
  );
  console.log(`  ratio TypeScript / oxc   ${(tTs / tOxc).toFixed(2)}x`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
