// weakref-lint as a user runs it: the bundled dist/cli.js on real files and folders, its
// formats and its exit codes (0 clean, 1 findings, 2 bad usage or unreadable input).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

const CLI = path.resolve(__dirname, '..', '..', '..', 'dist', 'cli.js');
const run = (args: string[], cwd: string) => spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });

describe('weakref-lint (the CLI)', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weakref cli "q" '));
    const files: Record<string, string> = {
      'src/bad.js': "const ws = new WeakSet();\nws.add('x');\n",
      'src/warn.ts': 'const r = new WeakRef({});\n',
      'src/clean.mjs': 'export const m = new Map();\n',
      'src/info.js': 'const wm = new WeakMap();\nwm.get(1);\n',
      'node_modules/dep/index.js': 'new WeakRef(1);\n',
      '.hidden/x.js': 'new WeakRef(1);\n',
      'src/big.js': `new WeakRef(1);\n${'// padding\n'.repeat(2000)}`,
    };
    for (const [f, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
      fs.writeFileSync(path.join(dir, f), text);
    }
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('walks folders, skipping node_modules and dot-folders, and exits 1 on findings', () => {
    const r = run(['--format', 'json', 'src'], dir);
    assert.equal(r.status, 1, r.stderr);
    const findings = JSON.parse(r.stdout) as {
      file: string;
      rule: string;
      line: number;
      column: number;
      endLine: number;
      endColumn: number;
      severity: string;
    }[];
    assert.deepEqual(
      findings.map((f) => `${f.file}:${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.rule} ${f.severity}`),
      [
        `${path.join('src', 'bad.js')}:2:8-2:11 invalid-weak-target error`,
        `${path.join('src', 'big.js')}:1:13-1:14 invalid-weak-target error`,
        `${path.join('src', 'info.js')}:2:8-2:9 invalid-weak-target warning`,
        `${path.join('src', 'warn.ts')}:1:23-1:25 weak-target-unreachable warning`,
      ],
    );
  });

  it('takes severities from --rule, and exits 0 when nothing is at warning or above', () => {
    const r = run(
      ['--format', 'unix', '--rule', 'invalid-weak-target=info', '--rule', 'weak-target-unreachable=off', 'src'],
      dir,
    );
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /info: .*\[weakref\/invalid-weak-target\]/);
    assert.doesNotMatch(r.stdout, /weak-target-unreachable/);
  });

  it('skips a named file over --max-file-size with a warning (exit 1), and one found in a folder with a note (exit 0)', () => {
    const named = run(['--max-file-size', '1000', 'src/big.js', 'src/clean.mjs'], dir);
    assert.equal(named.status, 1, named.stdout + named.stderr);
    assert.match(named.stderr, /skipped src\/big\.js: larger than the limit of 1000 bytes/);
    assert.match(
      named.stdout,
      /No problems found in the files that were linted\.\n1 file was not linted:\n {2}src\/big\.js: warning: skipped: larger than the limit of 1000 bytes/,
    );
    const walked = run(
      ['--max-file-size', '1000', '--rule', 'invalid-weak-target=off', '--rule', 'weak-target-unreachable=off', 'src'],
      dir,
    );
    assert.equal(walked.status, 0, walked.stdout + walked.stderr);
    assert.match(walked.stdout, /src\/big\.js: info: skipped: larger than the limit/);
  });

  it('names an unreadable input on stderr and in the output, still lints the others, and exits 2', () => {
    const r = run(['--format', 'json', 'missing.js', 'src/bad.js'], dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /cannot read missing\.js: no such file/);
    const entries = JSON.parse(r.stdout) as { file: string; rule: string; severity: string }[];
    assert.deepEqual(
      entries.map((e) => `${e.file} ${e.rule} ${e.severity}`),
      [`${path.join('src', 'bad.js')} invalid-weak-target error`, 'missing.js unreadable error'],
    );
  });

  it('groups findings by file by default (stylish), and keeps the one-line format as --format unix and text', () => {
    const r = run(['src/bad.js', 'src/info.js'], dir);
    assert.equal(r.status, 1, r.stderr);
    const lines = r.stdout.split('\n');
    assert.deepEqual(lines.slice(0, 3), ['', path.join('src', 'bad.js'), lines[2]]);
    assert.match(lines[2], /^ {2}2:8 {2}error {2}WeakSet#add throws .* {2}weakref\/invalid-weak-target$/);
    assert.deepEqual(lines.slice(3, 5), ['', path.join('src', 'info.js')]);
    assert.match(lines[5], /^ {2}2:8 {2}warning {2}.* {2}weakref\/invalid-weak-target$/);
    assert.equal(lines[6], '');
    assert.equal(lines[7], '\u2716 2 problems (1 errors, 1 warnings, 0 info)');
    for (const format of ['unix', 'text']) {
      const u = run(['--format', format, 'src/bad.js'], dir);
      assert.match(
        u.stdout,
        /^src\/bad\.js:2:8: error: WeakSet#add throws .*\[weakref\/invalid-weak-target\]\n1 problem \(1 errors, 0 warnings, 0 info\)\n$/,
      );
    }
  });

  it('--quiet reports and counts errors only', () => {
    const warnOnly = run(['--quiet', '--format', 'json', 'src/info.js', 'src/warn.ts'], dir);
    assert.equal(warnOnly.status, 0, warnOnly.stderr);
    assert.deepEqual(JSON.parse(warnOnly.stdout), []);
    const mixed = run(['--quiet', '--format', 'json', 'src/bad.js', 'src/info.js'], dir);
    assert.equal(mixed.status, 1);
    assert.deepEqual(
      (JSON.parse(mixed.stdout) as { severity: string }[]).map((f) => f.severity),
      ['error'],
    );
  });

  it('--max-warnings N fails only on more than N warnings (errors always fail), as in ESLint', function () {
    this.timeout(90_000); // seven runs of the CLI, each starting Node and a worker: slow on a loaded machine
    // src/info.js and src/warn.ts: two warnings, no error.
    const two = ['src/info.js', 'src/warn.ts'];
    assert.equal(run(['--max-warnings', '2', ...two], dir).status, 0);
    const over = run(['--max-warnings', '1', ...two], dir);
    assert.equal(over.status, 1);
    assert.match(over.stderr, /2 warnings, more than the maximum of 1 \(--max-warnings\)/);
    assert.equal(run(['--max-warnings', '-1', ...two], dir).status, 0);
    assert.equal(run(two, dir).status, 1, 'without the option any warning fails, as before');
    assert.equal(run(['--max-warnings', '5', 'src/bad.js'], dir).status, 1);
    // A named file that was skipped is a warning, and counts.
    assert.equal(run(['--max-warnings', '2', '--max-file-size', '1000', 'src/big.js', ...two], dir).status, 1);
    assert.equal(run(['--max-warnings', '3', '--max-file-size', '1000', 'src/big.js', ...two], dir).status, 0);
  });

  it('exits 2 with the usage on bad arguments', () => {
    for (const args of [
      [],
      ['--format', 'xml', 'src'],
      ['--rule', 'nope=error', 'src'],
      ['--max-warnings', 'many', 'src'],
      ['--format'],
      ['--bogus', 'src'],
    ]) {
      const r = run(args, dir);
      assert.equal(r.status, 2, args.join(' '));
      assert.match(r.stderr, /Usage: weakref-lint/);
    }
  });

  it('writes SARIF 2.1.0 with relative URIs that GitHub code scanning accepts', () => {
    const r = run(['--format', 'sarif', 'src'], dir);
    assert.equal(r.status, 1);
    const log = JSON.parse(r.stdout);
    assert.equal(log.version, '2.1.0');
    const results = log.runs[0].results as {
      ruleId: string;
      level: string;
      locations: {
        physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: { startLine: number } };
      }[];
    }[];
    assert.equal(results.length, 4);
    for (const res of results) {
      const loc = res.locations[0].physicalLocation;
      assert.match(loc.artifactLocation.uri, /^src\/[a-z]+\.(js|ts)$/);
      assert.equal(loc.artifactLocation.uriBaseId, '%SRCROOT%');
      assert.ok(loc.region.startLine >= 1);
    }
    assert.deepEqual(
      log.runs[0].tool.driver.rules.map((x: { id: string }) => x.id),
      [
        'unsafe-deref',
        'invalid-weak-target',
        'register-holds-target',
        'weak-target-unreachable',
        'weak-key-held-by-value',
        'weak-ref-always-truthy',
        'cleanup-removes-live-entry',
        'weak-callable-as-callback',
        'collected-in-same-job',
      ],
    );
  });

  it('SARIF: a file outside the root gets a file: URI from pathToFileURL, and %SRCROOT% is one too', () => {
    const r = run(['--format', 'sarif', path.join('..', 'node_modules', 'dep', 'index.js')], path.join(dir, 'src'));
    const log = JSON.parse(r.stdout);
    assert.equal(
      log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri,
      pathToFileURL(path.join(dir, 'node_modules', 'dep', 'index.js')).href,
    );
    assert.equal(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uriBaseId, undefined);
    // The folder's name has a space and quotes: encoded as %20 and %22.
    assert.equal(log.runs[0].originalUriBaseIds['%SRCROOT%'].uri, `${pathToFileURL(path.join(dir, 'src')).href}/`);
    assert.match(log.runs[0].originalUriBaseIds['%SRCROOT%'].uri, /%20%22q%22%20/);
  });

  it("SARIF partialFingerprints keep an alert's identity when lines are added above it, and tell repeated lines apart", () => {
    const file = path.join(dir, 'moving', 'm.js');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const body = "const ws = new WeakSet();\nws.add('x');\nws.add('x');\n";
    const prints = () => {
      const log = JSON.parse(run(['--format', 'sarif', 'moving'], dir).stdout);
      return (
        log.runs[0].results as {
          partialFingerprints: Record<string, string>;
          locations: { physicalLocation: { region: { startLine: number } } }[];
        }[]
      ).map((x) => ({
        line: x.locations[0].physicalLocation.region.startLine,
        print: x.partialFingerprints['weakrefLint/v1'],
      }));
    };
    fs.writeFileSync(file, body);
    const before = prints();
    fs.writeFileSync(file, `// a new first line\n\n${body.replace(/^ws/gm, '  ws')}`);
    const after = prints();
    assert.deepEqual(
      before.map((p) => p.line),
      [2, 3],
    );
    assert.deepEqual(
      after.map((p) => p.line),
      [4, 5],
    );
    assert.deepEqual(
      after.map((p) => p.print),
      before.map((p) => p.print),
    );
    assert.notEqual(before[0].print, before[1].print);
    fs.writeFileSync(file, body.replace("add('x');\nws.add('x')", "add('x');\nws.add('y')"));
    const changed = prints();
    assert.equal(changed[0].print, before[0].print);
    assert.notEqual(changed[1].print, before[1].print);
  });
});
