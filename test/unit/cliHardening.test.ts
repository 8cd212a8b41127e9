// weakref-lint against hostile and careless input: each test
// runs the attack on the bundled dist/cli.js. Large and nested fixtures are generated here.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { deeplyNested, deepParentheses } from '../support/hostileFixtures';

const CLI = path.resolve(__dirname, '..', '..', '..', 'dist', 'cli.js');
/** A time limit on every run: a CLI that hangs (a FIFO, /dev/zero) fails the test instead of the suite. */
const run = (args: string[], cwd: string) =>
  spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 30_000, maxBuffer: 1 << 26 });
const posix = process.platform !== 'win32';

interface SarifNotification {
  level: string;
  message: { text: string };
  descriptor: { id: string };
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }[];
}
const sarifInvocation = (stdout: string) =>
  (
    JSON.parse(stdout) as {
      runs: { invocations: { executionSuccessful: boolean; toolExecutionNotifications: SarifNotification[] }[] }[];
    }
  ).runs[0].invocations[0];
const sarifResults = (stdout: string) => (JSON.parse(stdout) as { runs: { results: unknown[] }[] }).runs[0].results;

describe('weakref-lint against hostile input', function () {
  this.timeout(60_000);
  let dir: string;
  const write = (f: string, text: string | Buffer) => {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.writeFileSync(path.join(dir, f), text);
  };
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weakref-hostile-'));
    write('deep.js', deeplyNested(10_000));
    write('deeper.js', deepParentheses(1_000_000));
    write('big.js', `new WeakRef(1);\n${'// padding\n'.repeat(200)}`);
    write('binary.js', Buffer.from('new WeakRef(1);\0\x01\x02', 'latin1'));
    write('bom.js', '\ufeffnew WeakRef(1);\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('1. lints 10,000 levels of nested parentheses, arrays and arrows (the finding is not hidden)', () => {
    const r = run(['--format', 'json', 'deep.js'], dir);
    assert.equal(r.status, 1, r.stderr);
    assert.deepEqual(
      (JSON.parse(r.stdout) as { line: number; rule: string }[]).map((f) => `${f.line}:${f.rule}`),
      ['4:invalid-weak-target'],
    );
  });

  it('1. a file too deep even for the worker is "not analysed" in every format, and exits 2', () => {
    const args = ['--max-file-size', '3000000', 'deeper.js', 'bom.js'];
    const text = run(['--format', 'unix', ...args], dir);
    assert.equal(text.status, 2, text.stderr);
    assert.match(text.stderr, /could not analyse deeper\.js: the code is nested too deeply/);
    assert.doesNotMatch(text.stdout, /^No problems found\.$/m);
    assert.match(
      text.stdout,
      /deeper\.js: error: could not analyse: the code is nested too deeply .*\[weakref-lint\/not-analysed\]/,
    );
    // The other file is still linted.
    assert.match(text.stdout, /bom\.js:1:13: error: .*invalid-weak-target/);

    const json = run(['--format', 'json', ...args], dir);
    assert.equal(json.status, 2);
    const entries = JSON.parse(json.stdout) as { file: string; line: number; rule: string; severity: string }[];
    assert.deepEqual(
      entries.map((e) => `${e.file}:${e.line} ${e.rule} ${e.severity}`),
      ['bom.js:1 invalid-weak-target error', 'deeper.js:1 not-analysed error'],
    );

    const sarif = run(['--format', 'sarif', ...args], dir);
    assert.equal(sarif.status, 2);
    const inv = sarifInvocation(sarif.stdout);
    assert.equal(inv.executionSuccessful, false);
    assert.deepEqual(
      inv.toolExecutionNotifications.map((n) => [
        n.level,
        n.descriptor.id,
        n.locations[0].physicalLocation.artifactLocation.uri,
      ]),
      [['error', 'not-analysed', 'deeper.js']],
    );
    assert.match(inv.toolExecutionNotifications[0].message.text, /nested too deeply/);
    assert.equal(sarifResults(sarif.stdout).length, 1);
  });

  it('2. a file over --max-file-size or binary, named on the command line, is a warning in every format (exit 1)', () => {
    const args = ['--max-file-size', '1000', 'big.js', 'binary.js'];
    const text = run(args, dir);
    assert.equal(text.status, 1, text.stderr);
    assert.match(text.stderr, /skipped big\.js: larger than the limit of 1000 bytes/);
    assert.match(text.stderr, /skipped binary\.js: it looks binary/);
    assert.match(
      text.stdout,
      /2 files were not linted:\n {2}big\.js: warning: skipped: larger than the limit of 1000 bytes \(--max-file-size\) \[weakref-lint\/skipped\]\n {2}binary\.js: warning: skipped: it looks binary/,
    );

    const json = run(['--format', 'json', ...args], dir);
    assert.equal(json.status, 1);
    assert.deepEqual(
      (JSON.parse(json.stdout) as { file: string; rule: string; severity: string }[]).map(
        (e) => `${e.file} ${e.rule} ${e.severity}`,
      ),
      ['big.js skipped warning', 'binary.js skipped warning'],
    );

    const sarif = run(['--format', 'sarif', ...args], dir);
    assert.equal(sarif.status, 1);
    const inv = sarifInvocation(sarif.stdout);
    assert.equal(inv.executionSuccessful, true);
    assert.deepEqual(
      inv.toolExecutionNotifications.map(
        (n) => `${n.level} ${n.descriptor.id} ${n.locations[0].physicalLocation.artifactLocation.uri}`,
      ),
      ['warning skipped big.js', 'warning skipped binary.js'],
    );
  });

  it('2. the same files found by walking a folder are notes in every format (exit 0)', () => {
    const sub = path.join(dir, 'walked');
    fs.mkdirSync(sub, { recursive: true });
    fs.copyFileSync(path.join(dir, 'big.js'), path.join(sub, 'big.js'));
    fs.copyFileSync(path.join(dir, 'binary.js'), path.join(sub, 'binary.js'));
    const sarif = run(['--format', 'sarif', '--max-file-size', '1000', 'walked'], dir);
    assert.equal(sarif.status, 0, sarif.stderr);
    assert.deepEqual(
      sarifInvocation(sarif.stdout).toolExecutionNotifications.map((n) => `${n.level} ${n.descriptor.id}`),
      ['note skipped', 'note skipped'],
    );
    const json = run(['--format', 'json', '--max-file-size', '1000', 'walked'], dir);
    assert.deepEqual(
      (JSON.parse(json.stdout) as { severity: string }[]).map((e) => e.severity),
      ['info', 'info'],
    );
  });

  (posix ? it : it.skip)('3. /dev/zero and a FIFO named x.js are refused at once, not read (exit 2)', () => {
    const fifo = path.join(dir, 'x.js');
    assert.equal(spawnSync('mkfifo', [fifo]).status, 0, 'mkfifo');
    try {
      const started = Date.now();
      const r = run(['--format', 'json', '/dev/zero', 'x.js', 'bom.js'], dir);
      assert.equal(r.error, undefined, 'the CLI did not finish within its time limit');
      assert.ok(Date.now() - started < 20_000);
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, /cannot read \/dev\/zero: not a regular file/);
      assert.match(r.stderr, /cannot read x\.js: not a regular file/);
      assert.deepEqual(
        (JSON.parse(r.stdout) as { file: string; rule: string }[]).map((e) => `${e.file} ${e.rule}`),
        ['bom.js invalid-weak-target', '/dev/zero unreadable', 'x.js unreadable'],
      );
      // A FIFO inside a walked folder is a note, not a hang.
      fs.mkdirSync(path.join(dir, 'withfifo'));
      assert.equal(spawnSync('mkfifo', [path.join(dir, 'withfifo', 'pipe.js')]).status, 0);
      const walked = run(['withfifo'], dir);
      assert.equal(walked.status, 0, walked.stderr);
      assert.match(walked.stdout, /withfifo\/pipe\.js: info: skipped: not a regular file/);
    } finally {
      fs.rmSync(fifo, { force: true });
      fs.rmSync(path.join(dir, 'withfifo'), { recursive: true, force: true });
    }
  });

  (process.platform === 'linux' ? it : it.skip)(
    '3. does not trust stat.size: a regular file that stats as 0 bytes but holds more is still held to the limit',
    () => {
      // /proc/self/status is a regular file whose size says 0; it holds about 1 KB.
      assert.equal(fs.statSync('/proc/self/status').size, 0);
      const r = run(['--format', 'json', '--max-file-size', '100', '/proc/self/status'], dir);
      assert.equal(r.status, 1, r.stderr);
      assert.deepEqual(
        (JSON.parse(r.stdout) as { rule: string; message: string }[]).map((e) => `${e.rule}: ${e.message}`),
        ['skipped: skipped: larger than the limit of 100 bytes (--max-file-size)'],
      );
    },
  );

  it('12. a byte-order mark does not shift the columns of line 1', () => {
    const r = run(['--format', 'json', 'bom.js'], dir);
    const [f] = JSON.parse(r.stdout) as { line: number; column: number; endColumn: number }[];
    // "new WeakRef(1)": the 1 is the 13th character of the line as an editor shows it.
    assert.deepEqual([f.line, f.column, f.endColumn], [1, 13, 14]);
  });

  it('12. the same file named twice (relative and absolute) is linted and reported once', () => {
    const r = run(['--format', 'json', 'bom.js', path.join(dir, 'bom.js'), `.${path.sep}bom.js`], dir);
    assert.deepEqual(
      (JSON.parse(r.stdout) as { file: string }[]).map((e) => e.file),
      ['bom.js'],
    );
  });

  it("12. SARIF's %SRCROOT% is the repository root (the folder with .git), else the working folder", () => {
    const repo = path.join(dir, 'repo');
    fs.mkdirSync(path.join(repo, '.git'), { recursive: true });
    fs.mkdirSync(path.join(repo, 'pkg', 'src'), { recursive: true });
    fs.writeFileSync(path.join(repo, 'pkg', 'src', 'a.js'), 'new WeakRef(1);\n');
    const inRepo = run(['--format', 'sarif', 'src'], path.join(repo, 'pkg'));
    const log = JSON.parse(inRepo.stdout);
    assert.equal(log.runs[0].originalUriBaseIds['%SRCROOT%'].uri, `${pathToFileUri(fs.realpathSync(repo))}/`);
    assert.equal(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'pkg/src/a.js');
    const outside = run(['--format', 'sarif', 'a.js'], path.join(repo, 'pkg', 'src'));
    assert.equal(
      JSON.parse(outside.stdout).runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri,
      'pkg/src/a.js',
    );
    fs.rmSync(path.join(repo, '.git'), { recursive: true });
    const noRepo = run(['--format', 'sarif', 'src'], path.join(repo, 'pkg'));
    assert.equal(
      JSON.parse(noRepo.stdout).runs[0].originalUriBaseIds['%SRCROOT%'].uri,
      `${pathToFileUri(fs.realpathSync(path.join(repo, 'pkg')))}/`,
    );
  });

  (posix ? it : it.skip)(
    '12. links in walked folders: a link to a file is linted (once), a link to a folder or a broken link is reported, a cycle ends',
    () => {
      const tree = path.join(dir, 'links');
      fs.mkdirSync(path.join(tree, 'real'), { recursive: true });
      fs.writeFileSync(path.join(tree, 'real', 'target.js'), 'new WeakRef(1);\n');
      fs.writeFileSync(path.join(dir, 'outside.js'), "new WeakSet().add('x');\n");
      fs.symlinkSync(path.join('..', 'outside.js'), path.join(tree, 'linked.js'));
      fs.symlinkSync(path.join('real', 'target.js'), path.join(tree, 'again.js'));
      fs.symlinkSync('.', path.join(tree, 'loop'));
      fs.symlinkSync('nowhere.js', path.join(tree, 'broken.js'));
      const r = run(['--format', 'json', 'links'], dir);
      assert.equal(r.status, 1, r.stderr);
      const entries = (JSON.parse(r.stdout) as { file: string; rule: string; message: string }[]).map(
        (e) => `${e.file} ${e.rule}`,
      );
      assert.deepEqual(entries, [
        `${path.join('links', 'again.js')} invalid-weak-target`,
        `${path.join('links', 'linked.js')} invalid-weak-target`,
        `${path.join('links', 'broken.js')} skipped`,
        `${path.join('links', 'loop')} skipped`,
      ]);
      assert.match(r.stderr, /skipped links\/loop: a symbolic link to a folder, not followed/);
    },
  );

  (posix ? it : it.skip)(
    'a file name with a newline and ANSI escapes cannot forge lines or colours in stylish and unix output',
    () => {
      const tree = path.join(dir, 'names');
      const evil = 'x.js:9:9: error: forged\n\u001b[2J\u001b[32mok.js';
      fs.mkdirSync(tree, { recursive: true });
      fs.writeFileSync(path.join(tree, evil), 'new WeakRef(1);\n');
      for (const format of ['stylish', 'unix']) {
        const r = run(['--format', format, 'names'], dir);
        assert.equal(r.status, 1, r.stderr);
        assert.doesNotMatch(r.stdout + r.stderr, /\u001b/, format);
        // A raw newline would start a line with the rest of the name: ESC[2J ESC[32m ok.js...
        assert.ok(!r.stdout.split('\n').some((l) => /^\S*ok\.js/.test(l)), `${format}: a forged line\n${r.stdout}`);
        assert.match(r.stdout, /forged\\n\\u001b\[2J\\u001b\[32mok\.js/, format);
      }
    },
  );
});

function pathToFileUri(p: string): string {
  return pathToFileURL(p).href;
}
