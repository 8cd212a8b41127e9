// End to end: the weakref-lint package, packed by `npm run package:cli` and installed from its
// tarball into a scratch project, runs from node_modules/.bin on JavaScript, TypeScript and Python
// files and finds exactly what the repository's own dist/cli.js finds; the pre-commit hook's entry
// (.pre-commit-hooks.yaml) runs that installed copy and fails a commit on a finding.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** A nested npm must not inherit the npm_config_* of an `npm test` that started us. */
const cleanEnv = () => Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = cleanEnv()) {
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8' });
  if (r.error) throw r.error;
  return r;
}

const FILES: Record<string, string> = {
  'src/cache.js': 'const r = new WeakRef(load());\nexport const name = () => r.deref().name;\n',
  'src/keys.ts': 'const seen = new WeakSet<object>();\nexport function mark(n: number) {\n  seen.add(n + 1);\n}\n',
  'app/pool.py':
    'import weakref\n\n\nclass Pool:\n    def __init__(self, conn):\n        self._conn = weakref.ref(conn)\n\n    def close(self):\n        self._conn().close()\n',
  'app/clean.py': 'import weakref\n\n\ndef alive(r):\n    return r() is not None\n',
};

describe('the weakref-lint package, installed from its tarball', function () {
  this.timeout(300_000);
  let project = '';
  let version = '';

  before(function () {
    const out = run(process.execPath, [path.join(ROOT, 'scripts', 'package-cli.mjs')], ROOT);
    assert.equal(out.status, 0, out.stderr);
    const tarball = out.stdout.trim().split('\n').pop()!;
    assert.ok(fs.existsSync(tarball), `npm run package:cli wrote no tarball (${tarball})`);
    version = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    project = fs.mkdtempSync(path.join(os.tmpdir(), 'weakref-lint-package-'));
    fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'scratch', private: true }));
    for (const [name, text] of Object.entries(FILES)) {
      fs.mkdirSync(path.dirname(path.join(project, name)), { recursive: true });
      fs.writeFileSync(path.join(project, name), text);
    }
    const install = run(npm, ['install', '--no-audit', '--no-fund', '--loglevel=error', tarball], project);
    assert.equal(install.status, 0, install.stderr);
  });

  after(() => fs.rmSync(project, { recursive: true, force: true }));

  const bin = () => path.join(project, 'node_modules', '.bin', 'weakref-lint');

  it('installs its bin, which prints the project version', () => {
    const r = run(bin(), ['--version'], project);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout.trim(), version);
  });

  it('finds in JavaScript, TypeScript and Python exactly what the repository build finds', () => {
    const theirs = run(bin(), ['--format', 'json', 'src', 'app'], project);
    const ours = run(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), '--format', 'json', 'src', 'app'], project);
    assert.equal(theirs.status, 1, theirs.stderr);
    const rows = (s: string) =>
      (JSON.parse(s) as { file: string; line: number; rule: string }[]).map((f) => `${f.file}:${f.line} ${f.rule}`);
    assert.deepEqual(rows(theirs.stdout), rows(ours.stdout));
    assert.deepEqual(rows(theirs.stdout).sort(), [
      path.join('app', 'pool.py') + ':9 unsafe-deref',
      path.join('src', 'cache.js') + ':2 unsafe-deref',
      path.join('src', 'keys.ts') + ':3 invalid-weak-target',
    ]);
  });

  it('lints many files on worker threads (the engine bundle ships beside the CLI)', () => {
    const r = run(bin(), ['--concurrency', '2', '--format', 'unix', 'src', 'app'], project);
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /3 problems/);
  });

  it('runs as the pre-commit hook declares it: a finding fails, a clean file passes', () => {
    const hooks = fs.readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8');
    const entry = /^\s*entry:\s*(.+)$/m.exec(hooks)?.[1].trim().split(/\s+/);
    assert.ok(entry, '.pre-commit-hooks.yaml has an entry');
    assert.ok(entry.includes(`weakref-lint@${version}`), `the hook pins weakref-lint@${version}: ${entry.join(' ')}`);
    assert.match(hooks, /types_or: \[javascript, jsx, ts, tsx, python\]/);
    // pre-commit appends the staged file names; npx uses the copy the project installed.
    const failing = run(entry[0], [...entry.slice(1), 'app/pool.py', 'app/clean.py'], project);
    assert.equal(failing.status, 1, failing.stderr);
    assert.match(failing.stdout, /pool\.py[\s\S]*unsafe-deref/);
    const passing = run(entry[0], [...entry.slice(1), 'app/clean.py'], project);
    assert.equal(passing.status, 0, passing.stdout + passing.stderr);
  });
});
