// weakref-lint's choice of files, as a user meets it: the built dist/cli.js on real folders with
// glob arguments, --ignore-pattern, .weakreflintignore, root and nested .gitignore files (with
// negation), node_modules, and names with spaces and quotes.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { stdinThatNeverEnds } from '../support/hostileFixtures';

const CLI = path.resolve(__dirname, '..', '..', '..', 'dist', 'cli.js');
const run = (args: string[], cwd: string) => spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });

/** Every fixture file has one finding on line 1, so the files linted are the files with a finding. */
const WEAK = 'new WeakRef(1);\n';

interface Entry {
  file: string;
  rule: string;
  severity: string;
  message: string;
}

function entries(r: ReturnType<typeof run>): Entry[] {
  assert.notEqual(r.stdout, '', r.stderr);
  return JSON.parse(r.stdout) as Entry[];
}

/** The files that were linted, in forward slashes and sorted. */
function linted(r: ReturnType<typeof run>): string[] {
  return entries(r)
    .filter((e) => e.rule === 'invalid-weak-target')
    .map((e) => e.file.split(path.sep).join('/'))
    .sort();
}

function write(root: string, files: Record<string, string>): void {
  for (const [f, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
    fs.writeFileSync(path.join(root, f), text);
  }
}

describe('weakref-lint: globs and ignore files', () => {
  let dir: string;
  const QUOTED = `it's "q".js`;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), `weakref ignore 'q' "d" `));
    write(dir, {
      'src/a.js': WEAK,
      'src/b.ts': WEAK,
      [`src/sp ace/${QUOTED}`]: WEAK,
      'src/gen/g.js': WEAK,
      'src/x.gen.js': WEAK,
      'src/keep.gen.js': WEAK,
      'src/.gitignore': 'gen/\n*.gen.js\n!keep.gen.js\n',
      'build/out.js': WEAK,
      'build/keep.js': WEAK,
      '.gitignore': 'build/\n',
      'node_modules/dep/index.js': WEAK,
      'lib/clean.js': 'export const m = new Map();\n',
    });
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('honours the root and nested .gitignore files, with negation, and skips node_modules', () => {
    const r = run(['--format', 'json', '.'], dir);
    assert.equal(r.status, 1, r.stderr);
    assert.deepEqual(linted(r), ['src/a.js', 'src/b.ts', 'src/keep.gen.js', `src/sp ace/${QUOTED}`]);
    // Ignored files found in a folder are left out without a word.
    assert.equal(r.stderr, '');
  });

  it('reads no .gitignore with --no-gitignore (node_modules stays ignored)', () => {
    const r = run(['--format', 'json', '--no-gitignore', '.'], dir);
    assert.deepEqual(linted(r), [
      'build/keep.js',
      'build/out.js',
      'src/a.js',
      'src/b.ts',
      'src/gen/g.js',
      'src/keep.gen.js',
      `src/sp ace/${QUOTED}`,
      'src/x.gen.js',
    ]);
  });

  it('applies the .gitignore files from the repository root down when a subfolder is linted from inside it', () => {
    fs.mkdirSync(path.join(dir, '.git'));
    write(dir, { '.gitignore': 'build/\n*.ts\n' });
    const r = run(['--format', 'json', '.'], path.join(dir, 'src'));
    assert.deepEqual(linted(r), ['a.js', 'keep.gen.js', `sp ace/${QUOTED}`]);
  });

  it('warns about an ignored file named on the command line (exit 1) unless --no-warn-ignored (exit 0)', () => {
    const named = run(['--format', 'json', 'build/out.js', 'node_modules/dep/index.js', 'lib/clean.js'], dir);
    assert.equal(named.status, 1, named.stderr);
    const notices = entries(named);
    assert.deepEqual(
      notices.map((e) => [e.file.split(path.sep).join('/'), e.rule, e.severity]),
      [
        ['build/out.js', 'skipped', 'warning'],
        ['node_modules/dep/index.js', 'skipped', 'warning'],
      ],
    );
    assert.match(notices[0].message, /: File ignored because of a matching ignore pattern;/);
    assert.match(named.stderr, /skipped build\/out\.js: File ignored because of a matching ignore pattern/);

    const quiet = run(['--no-warn-ignored', 'build/out.js', 'node_modules/dep/index.js', 'lib/clean.js'], dir);
    assert.equal(quiet.status, 0, quiet.stdout + quiet.stderr);
    assert.equal(quiet.stdout, 'No problems found.\n');
    assert.equal(quiet.stderr, '');
  });

  it('warns about a named folder that is ignored, and does not walk it', () => {
    const r = run(['--format', 'json', 'build'], dir);
    assert.equal(r.status, 1, r.stderr);
    assert.deepEqual(
      entries(r).map((e) => [e.file, e.rule, e.severity]),
      [['build', 'skipped', 'warning']],
    );
    assert.match(entries(r)[0].message, /: Folder ignored because of a matching ignore pattern;/);
  });

  it('expands glob arguments, quoted as a shell user would, leaving out ignored files silently', () => {
    const r = run(['--format', 'json', 'src/**/*.js'], dir);
    assert.equal(r.status, 1, r.stderr);
    assert.deepEqual(linted(r), ['src/a.js', 'src/keep.gen.js', `src/sp ace/${QUOTED}`]);
    assert.equal(r.stderr, '');
    // A pattern whose fixed part has a space and a quote in it, and a brace list.
    const spaced = run(['--format', 'json', `src/sp ace/it's*.js`, 'src/{a,b}.{js,ts}'], dir);
    assert.deepEqual(linted(spaced), ['src/a.js', 'src/b.ts', `src/sp ace/${QUOTED}`]);
    // A named file with glob characters in its name is the file, not a pattern.
    write(dir, { 'lib/[x].js': WEAK });
    assert.deepEqual(linted(run(['--format', 'json', 'lib/[x].js'], dir)), ['lib/[x].js']);
  });

  it('reports a glob that matches nothing, or only ignored files, as an error (exit 2); the other inputs are still linted', () => {
    const r = run(['--format', 'json', 'nothing/**/*.js', 'build/*.js', 'src/a.js'], dir);
    assert.equal(r.status, 2, r.stderr);
    assert.deepEqual(
      entries(r).map((e) => [e.file, e.rule, e.severity]),
      [
        ['src/a.js', 'invalid-weak-target', 'error'],
        ['nothing/**/*.js', 'unreadable', 'error'],
        ['build/*.js', 'unreadable', 'error'],
      ],
    );
    assert.match(entries(r)[1].message, /no files match this pattern/);
  });

  it('takes --ignore-pattern (repeatable, .gitignore syntax, last rule wins) after .gitignore and .weakreflintignore', () => {
    write(dir, { '.weakreflintignore': '# generated\n*.ts\nlib/\n' });
    const own = run(['--format', 'json', '.'], dir);
    assert.deepEqual(linted(own), ['src/a.js', 'src/keep.gen.js', `src/sp ace/${QUOTED}`]);

    const r = run(
      [
        '--format',
        'json',
        '--ignore-pattern',
        'sp ace/',
        '--ignore-pattern=!build/',
        '--ignore-pattern',
        '!*.ts',
        '--ignore-pattern',
        'keep.js',
        '.',
      ],
      dir,
    );
    assert.deepEqual(linted(r), ['build/out.js', 'src/a.js', 'src/b.ts', 'src/keep.gen.js']);
  });

  it('cannot re-include a file inside an ignored folder, as in git', () => {
    const r = run(['--format', 'json', '--ignore-pattern', '!build/keep.js', '.'], dir);
    assert.deepEqual(linted(r), ['src/a.js', 'src/b.ts', 'src/keep.gen.js', `src/sp ace/${QUOTED}`]);
  });

  it('lints node_modules when a pattern re-includes it', () => {
    const r = run(['--format', 'json', '--ignore-pattern', '!node_modules/', 'node_modules'], dir);
    assert.equal(r.status, 1, r.stderr);
    assert.deepEqual(linted(r), ['node_modules/dep/index.js']);
  });

  it('a .gitignore cannot re-include node_modules (the help says so); --ignore-pattern can', () => {
    write(dir, { '.gitignore': 'build/\n!node_modules/\n' });
    const r = run(['--format', 'json', '.'], dir);
    assert.ok(!linted(r).some((f) => f.startsWith('node_modules/')), linted(r).join());
    assert.deepEqual(linted(run(['--format', 'json', '--ignore-pattern', '!node_modules/', '.'], dir)), [
      'node_modules/dep/index.js',
      'src/a.js',
      'src/b.ts',
      'src/keep.gen.js',
      `src/sp ace/${QUOTED}`,
    ]);
  });

  // A committed ignore file is untrusted: a link to a device or a FIFO must neither fill memory nor hang.
  for (const [what, make] of [
    ['a link to /dev/zero', (p: string) => fs.symlinkSync('/dev/zero', p)],
    ['a link to /dev/stdin', (p: string) => fs.symlinkSync('/dev/stdin', p)],
    ['a FIFO', (p: string) => assert.equal(spawnSync('mkfifo', [p]).status, 0)],
  ] as const) {
    for (const where of ['.gitignore', 'src/.gitignore', '.weakreflintignore']) {
      (process.platform === 'win32' ? it.skip : it)(`${where} as ${what} is noted and not applied, at once`, () => {
        fs.rmSync(path.join(dir, where), { force: true });
        make(path.join(dir, where));
        const r = spawnSync(process.execPath, [CLI, '--format', 'json', 'src/a.js'], {
          cwd: dir,
          encoding: 'utf8',
          timeout: 20_000,
          stdio: [stdinThatNeverEnds(dir), 'pipe', 'pipe'],
        });
        assert.equal(r.signal, null, `killed after 20 s: ${r.stderr}`);
        assert.equal(r.status, 1, r.stderr);
        assert.deepEqual(linted(r), ['src/a.js']);
        assert.match(r.stderr, /cannot read the ignore file .*; its rules are not applied/);
      });
    }
  }

  it('notes an ignore file that cannot be read, and lints as if it were not there', () => {
    fs.mkdirSync(path.join(dir, '.weakreflintignore'));
    const r = run(['--format', 'json', 'src/a.js'], dir);
    assert.equal(r.status, 1, r.stderr);
    assert.deepEqual(linted(r), ['src/a.js']);
    assert.match(r.stderr, /cannot read the ignore file .*\.weakreflintignore .*; its rules are not applied/);
  });
});
