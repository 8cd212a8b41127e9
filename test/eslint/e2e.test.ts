// End to end: the packed plugin, installed from its tarball into scratch projects with ESLint 10
// and 9 (each with typescript-eslint and typescript from the registry), must find exactly what
// weakref-lint finds on the same JavaScript and TypeScript files (same rule, line and column),
// and with recommended-type-checked exactly that plus the lines only types reveal.
// The installs are cached per set of versions under node_modules/.cache/eslint-plugin-e2e/.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'eslint');
const CACHE = path.join(ROOT, 'node_modules', '.cache', 'eslint-plugin-e2e');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
/** typescript-eslint 8 supports TypeScript up to 6.0; the plugin's peer range is the same. */
const VERSIONS = (eslint: string) => ({ eslint, 'typescript-eslint': '^8.73.0', typescript: '>=5.0.0 <6.1.0' });

/** A nested npm must not inherit the npm_config_* of an `npm test` that started us. */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
}

function run(cmd: string, args: string[], cwd: string, okStatuses = [0]): string {
  const r = spawnSync(cmd, args, { cwd, env: cleanEnv(), encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.error || !okStatuses.includes(r.status ?? -1)) {
    throw new Error(
      `${cmd} ${args.join(' ')} (in ${cwd}) exited ${r.status ?? r.signal}: ${r.error?.message ?? ''}\n${r.stderr}\n${r.stdout.slice(0, 2000)}`,
    );
  }
  return r.stdout;
}

interface Finding {
  file: string;
  line: number;
  column: number;
  rule: string;
}
const key = (f: Finding) => `${f.file}:${f.line}:${f.column} ${f.rule}`;

function copyDir(from: string, to: string): void {
  fs.cpSync(from, to, { recursive: true });
}

/** The scratch project for one ESLint major, installed once per set of versions. */
function project(major: string): string {
  const versions = VERSIONS(major);
  const dir = path.join(
    CACHE,
    Object.entries(versions)
      .map(([n, v]) => `${n}@${v}`)
      .join('+')
      .replace(/[^\w.@+-]+/g, '_'),
  );
  if (!fs.existsSync(path.join(dir, 'node_modules', 'eslint', 'package.json'))) {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'package.json'),
      JSON.stringify({ name: 'scratch', private: true, type: 'module', devDependencies: versions }, null, 2),
    );
    run(npm, ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], dir);
  }
  return dir;
}

function weakrefLint(cwd: string, target: string): Finding[] {
  // The scratch projects live in this repository's node_modules/.cache, which its .gitignore
  // ignores; ESLint does not read .gitignore files, so neither may weakref-lint here.
  const out = run(
    process.execPath,
    [path.join(ROOT, 'dist', 'cli.js'), '--format', 'json', '--no-gitignore', target],
    cwd,
    [0, 1],
  );
  return (JSON.parse(out) as Finding[]).map((f) => ({
    file: path.resolve(cwd, f.file),
    line: f.line,
    column: f.column,
    rule: f.rule,
  }));
}

interface EslintResult {
  filePath: string;
  messages: { ruleId: string | null; line: number; column: number; message: string; fatal?: boolean }[];
}

function eslint(cwd: string, target: string): { findings: Finding[]; files: number } {
  const out = run(npx, ['--no-install', 'eslint', '--format', 'json', target], cwd, [0, 1]);
  const results = JSON.parse(out) as EslintResult[];
  const other = results.flatMap((r) =>
    r.messages.filter((m) => !m.ruleId?.startsWith('weakref/')).map((m) => `${r.filePath}:${m.line}: ${m.message}`),
  );
  assert.deepEqual(other, [], 'ESLint reported something other than weakref findings (a parse error hides findings)');
  const findings = results.flatMap((r) =>
    r.messages.map((m) => ({
      file: r.filePath,
      line: m.line,
      column: m.column,
      rule: m.ruleId!.slice('weakref/'.length),
    })),
  );
  return { findings, files: results.length };
}

/** Lines right after `// eslint-disable-next-line weakref/<id>`: ESLint honours them, weakref-lint does not know them. */
function eslintDisabled(): (f: Finding) => boolean {
  const texts = new Map<string, string[]>();
  return (f) => {
    let lines = texts.get(f.file);
    if (!lines) texts.set(f.file, (lines = fs.readFileSync(f.file, 'utf8').split('\n')));
    return new RegExp(`eslint-disable-next-line weakref/${f.rule}\\b`).test(lines[f.line - 2] ?? '');
  };
}

/** The lines a typed fixture marks `// typed-only`: one invalid-weak-target finding each, in typed mode only. */
function typedOnlyLines(dir: string): { file: string; line: number }[] {
  return fs.readdirSync(dir).flatMap((name) =>
    fs
      .readFileSync(path.join(dir, name), 'utf8')
      .split('\n')
      .flatMap((text, i) => (/\/\/ typed-only$/.test(text) ? [{ file: path.join(dir, name), line: i + 1 }] : [])),
  );
}

const UNTYPED_CONFIG = `import tseslint from 'typescript-eslint';
import weakref from 'eslint-plugin-weakref';

export default [
  { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } },
  weakref.configs.recommended,
];
`;

const TYPED_CONFIG = `import tseslint from 'typescript-eslint';
import weakref from 'eslint-plugin-weakref';

export default [
  { files: ['**/*.ts', '**/*.js'], languageOptions: { parser: tseslint.parser, parserOptions: { tsconfigRootDir: import.meta.dirname } } },
  weakref.configs['recommended-type-checked'],
];
`;

describe('eslint-plugin-weakref end to end, installed from its tarball', function () {
  let tarball = '';

  before(function () {
    this.timeout(300_000);
    if (!fs.existsSync(path.join(ROOT, 'dist', 'cli.js')))
      run(process.execPath, ['esbuild.mjs', '--production', '--only=cli'], ROOT);
    const out = run(process.execPath, [path.join(ROOT, 'scripts', 'package-eslint-plugin.mjs')], ROOT)
      .trim()
      .split('\n');
    tarball = out[out.length - 1];
    assert.ok(fs.existsSync(tarball), `npm run package:eslint-plugin wrote no tarball (${tarball})`);
  });

  for (const major of ['10', '9']) {
    describe(`ESLint ${major}`, () => {
      let work = '';

      before(function () {
        this.timeout(600_000);
        const dir = project(major);
        run(
          npm,
          ['install', '--no-save', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', tarball],
          dir,
        );
        const installed = JSON.parse(fs.readFileSync(path.join(dir, 'node_modules', 'eslint', 'package.json'), 'utf8'))
          .version as string;
        assert.equal(installed.split('.')[0], major, `the scratch project has ESLint ${installed}`);
        work = path.join(dir, 'work');
        fs.rmSync(work, { recursive: true, force: true });
        copyDir(FIXTURES, work);
        // Real files too: every lesson example (CommonJS JavaScript, some misuse on purpose).
        for (const lesson of fs.readdirSync(path.join(ROOT, 'lessons'))) {
          const examples = path.join(ROOT, 'lessons', lesson, 'examples');
          if (!fs.existsSync(examples)) continue;
          for (const f of fs.readdirSync(examples).filter((n) => n.endsWith('.js'))) {
            fs.mkdirSync(path.join(work, 'src', 'lessons'), { recursive: true });
            fs.copyFileSync(path.join(examples, f), path.join(work, 'src', 'lessons', `${lesson}-${f}`));
          }
        }
      });

      it('recommended: the same findings as weakref-lint on JavaScript and TypeScript files', function () {
        this.timeout(120_000);
        fs.writeFileSync(path.join(work, 'eslint.config.mjs'), UNTYPED_CONFIG);
        const theirs = eslint(work, 'src');
        const ours = weakrefLint(work, 'src');
        const disabled = eslintDisabled();
        assert.ok(ours.some(disabled), 'the fixtures have a finding behind an ESLint disable comment');
        assert.ok(theirs.files >= 30, `ESLint linted only ${theirs.files} files`);
        assert.ok(ours.length >= 25, `weakref-lint found only ${ours.length}`);
        for (const rule of [
          'unsafe-deref',
          'invalid-weak-target',
          'register-holds-target',
          'weak-target-unreachable',
        ]) {
          assert.ok(
            theirs.findings.some((f) => f.rule === rule),
            `no ${rule} finding from ESLint`,
          );
        }
        assert.deepEqual(
          theirs.findings.map(key).sort(),
          ours
            .filter((f) => !disabled(f))
            .map(key)
            .sort(),
        );
        console.log(
          `      ESLint ${major}: ${theirs.files} files, ${theirs.findings.length} findings, equal to weakref-lint's ${ours.length} less ${ours.filter(disabled).length} behind eslint-disable`,
        );
      });

      it('recommended on the typed fixtures: nothing that only types reveal', function () {
        this.timeout(120_000);
        fs.writeFileSync(path.join(work, 'eslint.config.mjs'), UNTYPED_CONFIG);
        const theirs = eslint(work, 'typed');
        assert.deepEqual(theirs.findings.map(key).sort(), weakrefLint(work, 'typed').map(key).sort());
        const marked = typedOnlyLines(path.join(work, 'typed'));
        assert.deepEqual(
          theirs.findings.filter((f) => marked.some((m) => m.file === f.file && m.line === f.line)),
          [],
        );
      });

      it("recommended-type-checked with a tsconfig.json: weakref-lint's findings plus every typed-only line, in .ts and .js", function () {
        this.timeout(120_000);
        fs.writeFileSync(path.join(work, 'eslint.config.mjs'), TYPED_CONFIG);
        const theirs = eslint(work, 'typed');
        const ours = weakrefLint(work, 'typed');
        const marked = typedOnlyLines(path.join(work, 'typed'));
        assert.ok(marked.some((m) => m.file.endsWith('.js')) && marked.some((m) => m.file.endsWith('.ts')));
        const extra = theirs.findings.filter((f) => !ours.some((o) => key(o) === key(f)));
        assert.deepEqual(
          extra.map((f) => `${path.basename(f.file)}:${f.line} ${f.rule}`).sort(),
          marked.map((m) => `${path.basename(m.file)}:${m.line} invalid-weak-target`).sort(),
        );
        assert.deepEqual(
          ours.filter((o) => !theirs.findings.some((f) => key(o) === key(f))),
          [],
          'typed mode lost a finding',
        );
        console.log(
          `      ESLint ${major} typed: ${theirs.findings.length} findings = weakref-lint's ${ours.length} + ${marked.length} typed-only`,
        );
      });
    });
  }
});
