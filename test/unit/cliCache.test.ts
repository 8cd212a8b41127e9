// weakref-lint --cache, run as a user runs it (the bundled dist/cli.js): a warm run takes every
// finding from the cache and starts no worker (WEAKREF_LINT_DEBUG's counters say so), a changed
// file or changed settings are linted again, and a corrupt, foreign or older cache is ignored
// with a note, never trusted and never a crash.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { stdinThatNeverEnds } from '../support/hostileFixtures';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const VERSION = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

interface Stats {
  files: number;
  linted: number;
  fromCache: number;
  precheckSkipped: number;
  workers: number;
}
/** The user's cache folder for these runs: it holds the key that signs the cache. */
const XDG_CACHE_HOME = fs.mkdtempSync(path.join(os.tmpdir(), 'weakref-cache-home-'));
const run = (args: string[], cwd: string, stdin?: number) => {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 30_000,
    ...(stdin !== undefined ? { stdio: [stdin, 'pipe', 'pipe'] as const } : {}),
    env: { ...process.env, WEAKREF_LINT_DEBUG: '1', XDG_CACHE_HOME },
  });
  const debug = /weakref-lint: debug (\{.*\})/.exec(r.stderr);
  assert.ok(debug, r.stderr);
  return { ...r, stats: JSON.parse(debug[1]) as Stats };
};

/** A cache as weakref-lint signs it, with the key of these runs (see src/cli/cacheKey.ts). */
function signed<T extends { version: string; settings: string; files: unknown }>(data: T): T & { signature: string } {
  const key = fs.readFileSync(path.join(XDG_CACHE_HOME, 'weakref-lint', 'cache-key'), 'utf8');
  const body = JSON.stringify([data.version, data.settings, data.files]);
  return { ...data, signature: createHmac('sha256', key).update(body).digest('hex') };
}

describe('weakref-lint --cache', function () {
  this.timeout(60_000);
  let dir: string;
  const write = (f: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.writeFileSync(path.join(dir, f), text);
  };
  const cacheFile = () => path.join(dir, '.weakreflintcache');
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weakref-cache-'));
    write('src/bad.js', "const ws = new WeakSet();\nws.add('x');\n");
    write('src/warn.js', 'const r = new WeakRef({});\n');
    write('src/plain.js', 'export const m = new Map();\n');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a warm run lints nothing, starts no worker, and prints the same findings and exit status', () => {
    const cold = run(['--cache', '--format', 'json', 'src'], dir);
    assert.equal(cold.status, 1, cold.stderr);
    assert.deepEqual(cold.stats, { files: 3, linted: 2, fromCache: 0, precheckSkipped: 1, workers: 1 });
    assert.ok(fs.existsSync(cacheFile()));
    const warm = run(['--cache', '--format', 'json', 'src'], dir);
    assert.deepEqual(warm.stats, { files: 3, linted: 0, fromCache: 3, precheckSkipped: 0, workers: 0 });
    assert.equal(warm.stdout, cold.stdout);
    assert.equal(warm.status, 1);
    assert.equal(JSON.parse(warm.stdout).length, 2);
    // SARIF fingerprints need the line text: it comes from the cache too.
    const coldSarif = JSON.parse(run(['--format', 'sarif', 'src'], dir).stdout);
    const warmSarif = run(['--cache', '--format', 'sarif', 'src'], dir);
    assert.equal(warmSarif.stats.linted, 0);
    assert.deepEqual(JSON.parse(warmSarif.stdout).runs[0].results, coldSarif.runs[0].results);
  });

  it('lints again a file that changed, and everything when the rule settings change', () => {
    run(['--cache', 'src'], dir);
    write('src/warn.js', 'const r = new WeakRef({});\nconst s = new WeakRef({});\n');
    const edited = run(['--cache', '--format', 'json', 'src'], dir);
    assert.deepEqual([edited.stats.linted, edited.stats.fromCache], [1, 2]);
    assert.equal(JSON.parse(edited.stdout).length, 3);
    const ruled = run(['--cache', '--format', 'json', '--rule', 'weak-target-unreachable=off', 'src'], dir);
    assert.deepEqual([ruled.stats.linted, ruled.stats.fromCache], [2, 0]);
    assert.deepEqual(
      (JSON.parse(ruled.stdout) as { rule: string }[]).map((f) => f.rule),
      ['invalid-weak-target'],
    );
    assert.doesNotMatch(ruled.stderr, /ignoring the cache/, 'other settings are not a reason to complain');
  });

  it('metadata strategy relints a touched file; content strategy does not (same text)', () => {
    const later = new Date(Date.now() + 60_000);
    run(['--cache', 'src'], dir);
    fs.utimesSync(path.join(dir, 'src', 'bad.js'), later, later);
    assert.deepEqual([run(['--cache', 'src'], dir).stats.linted], [1]);
    run(['--cache', '--cache-strategy', 'content', 'src'], dir);
    const t2 = new Date(Date.now() + 120_000);
    fs.utimesSync(path.join(dir, 'src', 'bad.js'), t2, t2);
    const content = run(['--cache', '--cache-strategy', 'content', 'src'], dir);
    assert.deepEqual([content.stats.linted, content.stats.fromCache], [0, 3]);
    write('src/bad.js', "const ws = new WeakSet();\nws.add('y');\n");
    assert.equal(run(['--cache', '--cache-strategy', 'content', 'src'], dir).stats.linted, 1);
  });

  it('a corrupt or foreign cache file is ignored with a note, the run is right, and a good cache replaces it', () => {
    for (const junk of [
      '{"tool":"weakref-lint","files":{',
      '[1,2,3]',
      '{"tool":"eslint","files":{}}',
      '\u0000\u0001binary',
    ]) {
      fs.writeFileSync(cacheFile(), junk);
      const r = run(['--cache', '--format', 'json', 'src'], dir);
      assert.equal(r.status, 1, r.stderr);
      assert.match(
        r.stderr,
        /weakref-lint: ignoring the cache .*\.weakreflintcache: it is (not valid JSON|not a weakref-lint cache)/,
        junk,
      );
      assert.equal(JSON.parse(r.stdout).length, 2);
      assert.equal(r.stats.linted, 2);
      assert.equal((JSON.parse(fs.readFileSync(cacheFile(), 'utf8')) as { tool: string }).tool, 'weakref-lint');
    }
  });

  it('a cache written by another engine version is not trusted, even where size and time match', () => {
    const file = path.join(dir, 'src', 'bad.js');
    const stat = fs.statSync(file);
    const planted = (version: string) => ({
      tool: 'weakref-lint',
      version,
      settings: JSON.stringify({ settings: { rules: {}, maxFileSize: 1_000_000 }, strategy: 'metadata' }),
      files: {
        [file]: {
          size: stat.size,
          mtimeMs: stat.mtimeMs,
          findings: [
            {
              line: 1,
              column: 1,
              endLine: 1,
              endColumn: 2,
              rule: 'unsafe-deref',
              severity: 'error',
              message: 'PLANTED',
            },
          ],
        },
      },
    });
    // Control: written by this version and signed with this user's key, the planted entry is believed (so the test can fail).
    run(['--cache', 'src/plain.js'], dir); // makes the key
    fs.writeFileSync(cacheFile(), JSON.stringify(signed(planted(VERSION))));
    const same = run(['--cache', '--format', 'json', 'src/bad.js'], dir);
    assert.deepEqual(
      (JSON.parse(same.stdout) as { message: string }[]).map((f) => f.message),
      ['PLANTED'],
    );
    fs.writeFileSync(cacheFile(), JSON.stringify(signed(planted('0.0.1'))));
    const old = run(['--cache', '--format', 'json', 'src/bad.js'], dir);
    assert.match(
      old.stderr,
      new RegExp(
        `ignoring the cache .*: it was written by weakref-lint 0\\.0\\.1, and this is ${VERSION.replace(/\./g, '\\.')}`,
      ),
    );
    assert.deepEqual(
      (JSON.parse(old.stdout) as { rule: string; message: string }[]).map((f) => f.rule),
      ['invalid-weak-target'],
    );
    assert.equal(old.stats.linted, 1);
  });

  it('--cache-location takes a file or a folder; an unwritable location is a note, not a failure', () => {
    run(['--cache', '--cache-location', 'caches/', 'src'], dir);
    assert.ok(fs.existsSync(path.join(dir, 'caches', '.weakreflintcache')));
    run(['--cache', '--cache-location', 'my.cache', 'src'], dir);
    assert.ok(fs.existsSync(path.join(dir, 'my.cache')));
    assert.equal(run(['--cache', '--cache-location', 'my.cache', 'src'], dir).stats.fromCache, 3);
    assert.ok(!fs.existsSync(cacheFile()));
    write('blocker', 'a file, so no folder can be made here');
    const r = run(['--cache', '--cache-location', 'blocker/sub/c', '--format', 'json', 'src'], dir);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /cannot write the cache .*blocker/);
    assert.equal(JSON.parse(r.stdout).length, 2);
  });

  // What a committed cache can try. The cache trusts only what this user's runs signed.
  const ATTACK = 'src/bad.js';
  const tampered = (edit: (files: Record<string, { findings: Record<string, unknown>[] }>) => void) => {
    run(['--cache', '--cache-strategy', 'content', 'src'], dir);
    const data = JSON.parse(fs.readFileSync(cacheFile(), 'utf8')) as {
      version: string;
      settings: string;
      files: Record<string, { findings: Record<string, unknown>[] }>;
    };
    edit(data.files);
    return data;
  };
  const entryOf = (files: Record<string, { findings: Record<string, unknown>[] }>) => files[path.join(dir, ATTACK)];

  it('a committed cache that says "no findings" (right hash, no signature) does not hide them', () => {
    const data = tampered((files) => (entryOf(files).findings = []));
    fs.writeFileSync(cacheFile(), JSON.stringify({ ...data, signature: 'f'.repeat(64) }));
    const r = run(['--cache', '--cache-strategy', 'content', '--format', 'json', 'src'], dir);
    assert.match(r.stderr, /ignoring the cache .*: it was not written by weakref-lint under this user's key/);
    assert.equal(r.stats.fromCache, 0);
    assert.deepEqual((JSON.parse(r.stdout) as { file: string }[]).map((f) => path.basename(f.file)).sort(), [
      'bad.js',
      'warn.js',
    ]);
  });

  it('a signed cache whose entry is {} or has a malformed finding is linted again, not a crash', () => {
    for (const bad of [{}, { size: 1, mtimeMs: 1, sha1: 'x', findings: [{}] }, { findings: null }]) {
      const data = tampered((files) => (files[path.join(dir, ATTACK)] = bad as never));
      fs.writeFileSync(cacheFile(), JSON.stringify(signed(data)));
      const r = run(['--cache', '--cache-strategy', 'content', '--format', 'json', 'src'], dir);
      assert.equal(r.status, 1, r.stderr);
      assert.doesNotMatch(r.stderr, /TypeError/);
      assert.equal(r.stats.linted, 1, JSON.stringify(bad));
      assert.equal(JSON.parse(r.stdout).length, 2);
    }
  });

  it('cached data never names the file, and a cached message with an ANSI escape is not printed', () => {
    const data = tampered((files) => {
      entryOf(files).findings[0].file = '/etc/passwd';
    });
    fs.writeFileSync(cacheFile(), JSON.stringify(signed(data)));
    const named = run(['--cache', '--cache-strategy', 'content', '--format', 'sarif', ATTACK], dir);
    assert.doesNotMatch(named.stdout, /passwd/);
    assert.match(named.stdout, /bad\.js/);
    const escaped = tampered((files) => {
      entryOf(files).findings[0].message = '\u001b[2J\u001b[32mall clear';
    });
    fs.writeFileSync(cacheFile(), JSON.stringify(signed(escaped)));
    const r = run(['--cache', '--cache-strategy', 'content', ATTACK], dir);
    assert.doesNotMatch(r.stdout, /\u001b|all clear/);
    assert.equal(r.stats.linted, 1);
  });

  for (const [what, make] of [
    ['a link to /dev/zero', (p: string) => fs.symlinkSync('/dev/zero', p)],
    ['a link to /dev/stdin', (p: string) => fs.symlinkSync('/dev/stdin', p)],
    ['a FIFO', (p: string) => assert.equal(spawnSync('mkfifo', [p]).status, 0)],
  ] as const) {
    (process.platform === 'win32' ? it.skip : it)(
      `a .weakreflintcache that is ${what} is refused at once with a note`,
      () => {
        make(cacheFile());
        const r = run(['--cache', '--format', 'json', 'src'], dir, stdinThatNeverEnds(dir));
        assert.equal(r.status, 1, r.stderr);
        assert.match(r.stderr, /cannot read the cache .*not a regular file/);
        assert.equal(JSON.parse(r.stdout).length, 2);
      },
    );
  }

  it('a file that becomes unreadable or too big loses its cached findings', () => {
    run(['--cache', 'src'], dir);
    const r = run(['--cache', '--format', 'json', '--max-file-size', '10', 'src/bad.js'], dir);
    assert.deepEqual(
      (JSON.parse(r.stdout) as { rule: string }[]).map((f) => f.rule),
      ['skipped'],
    );
  });
});
