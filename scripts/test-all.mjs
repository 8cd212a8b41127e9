// Runs every test suite in order and ends with one line of totals, "N passed, N failed".
// Each suite reports its counts through WEAKREF_COUNTS_FILE (see count-reporter.js); a suite
// that dies without reporting counts as one failure, so a crash can never look green.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const only = process.argv.slice(2);

/** Steps that must succeed before any suite runs; they count no tests. */
const setup = [
  {
    name: 'install dependencies',
    cmd: npm,
    args: ['ci', '--no-audit', '--no-fund'],
    when: () => !existsSync('node_modules/.package-lock.json') || process.env.CI === 'true',
  },
  { name: 'compile (tsc, strict)', cmd: npm, args: ['run', '--silent', 'compile'] },
  { name: 'bundle (esbuild)', cmd: npm, args: ['run', '--silent', 'bundle'] },
];

/** The real-VS-Code suites need code-server, Chromium and Node 24, installed once into a cache. */
const realVsCodeTools = {
  name: 'real VS Code tools (scripts/setup-real-vscode.sh)',
  cmd: 'bash',
  args: ['scripts/setup-real-vscode.sh'],
};
/** The Python examples and rules are checked against CPython 3.8+, installed from Debian when missing. */
const python = { name: 'python3 (scripts/setup-python.sh)', cmd: 'bash', args: ['scripts/setup-python.sh'] };

// The lessons run last: by then the real-VS-Code setup has installed Node 24 as well, and every
// example is checked on it too (without that setup they still run on the system Node).
const suites = [
  // Our own code under ESLint (typescript-eslint type-checked, and our own weakref rules): one
  // check, passed when ESLint reports no error.
  { name: 'lint', cmd: npm, args: ['run', '--silent', 'lint'], countsByExit: true },
  // Every copy of the rule definitions (package.json, docs/rules/, the plugin's types, the READMEs'
  // rule tables) is what `npm run generate` writes: one check, failed naming each file that differs.
  { name: 'generated', cmd: npm, args: ['run', '--silent', 'generate', '--', '--check'], countsByExit: true },
  { name: 'unit', cmd: npm, args: ['run', '--silent', 'test:unit'], needs: python },
  { name: 'vscode', cmd: 'node', args: ['out/test/support/runExtensionHostTests.js'], needs: realVsCodeTools },
  { name: 'ui', cmd: npm, args: ['run', '--silent', 'test:ui'], needs: realVsCodeTools },
  { name: 'lessons', cmd: npm, args: ['run', '--silent', 'test:lessons'], needs: python },
  // The memory view (weakref-memory) on every lesson example, JavaScript and Python.
  { name: 'memory', cmd: npm, args: ['run', '--silent', 'test:memory'], needs: python },
  // eslint-plugin-weakref in real ESLint: RuleTester under espree and typescript-eslint, and the
  // packed plugin installed with ESLint 10 and 9 from the registry (cached after the first run).
  { name: 'eslint', cmd: npm, args: ['run', '--silent', 'test:eslint'] },
  // weakref-lint as its own package: packed, installed from its tarball into a scratch project,
  // run there directly and as the pre-commit hook declares it.
  { name: 'packages', cmd: npm, args: ['run', '--silent', 'test:packages'] },
  // The ecosystem check (docs/ECOSYSTEM.md): run only when named (`node scripts/test-all.mjs
  // ecosystem`), as it does not fit CI's time budget; one check, passed when it passes.
  { name: 'ecosystem', cmd: npm, args: ['run', '--silent', 'ecosystem'], countsByExit: true, onlyWhenNamed: true },
];
const prepared = new Map();

const dir = mkdtempSync(join(tmpdir(), 'weakref-counts-'));
let passed = 0;
let failed = 0;
const summary = [];

for (const step of setup) {
  if (step.when && !step.when()) continue;
  if (only.length && step.name.startsWith('install')) continue;
  console.log(`\n=== ${step.name}`);
  const r = spawnSync(step.cmd, step.args, { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`\n${step.name} failed (exit ${r.status ?? r.signal}); no suite can run.`);
    console.log('\n0 passed, 1 failed');
    process.exit(1);
  }
}

for (const suite of suites) {
  if ((only.length || suite.onlyWhenNamed) && !only.includes(suite.name)) continue;
  if (suite.needs) {
    if (!prepared.has(suite.needs)) {
      console.log(`\n=== ${suite.needs.name}`);
      const r = spawnSync(suite.needs.cmd, suite.needs.args, { stdio: 'inherit' });
      prepared.set(suite.needs, r.status === 0);
    }
    if (!prepared.get(suite.needs)) {
      failed += 1;
      summary.push(`${suite.name}: not run, because "${suite.needs.name}" failed (counted as 1 failure)`);
      continue;
    }
  }
  const countsFile = join(dir, `${suite.name}.json`);
  console.log(`\n=== ${suite.name} tests`);
  const r = spawnSync(suite.cmd, suite.args, {
    stdio: 'inherit',
    env: { ...process.env, WEAKREF_COUNTS_FILE: countsFile },
  });
  let counts;
  try {
    counts = suite.countsByExit
      ? { passed: r.status === 0 ? 1 : 0, failed: r.status === 0 ? 0 : 1, pending: 0 }
      : JSON.parse(readFileSync(countsFile, 'utf8'));
  } catch {
    counts = { passed: 0, failed: 1, pending: 0 };
    console.error(
      `${suite.name}: the suite ended (exit ${r.status ?? r.signal}) without reporting its counts; counted as 1 failure.`,
    );
  }
  if (r.status !== 0 && counts.failed === 0) {
    counts.failed = 1;
    console.error(`${suite.name}: exited with ${r.status ?? r.signal} although no test failed; counted as 1 failure.`);
  }
  passed += counts.passed;
  failed += counts.failed;
  summary.push(
    `${suite.name}: ${counts.passed} passed, ${counts.failed} failed${counts.pending ? `, ${counts.pending} pending` : ''}`,
  );
}
rmSync(dir, { recursive: true, force: true });

console.log('\n=== totals by suite');
for (const line of summary) console.log(line);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
