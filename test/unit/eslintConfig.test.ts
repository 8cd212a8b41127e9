// lint.enable "auto": which files ESLint lints with eslint-plugin-weakref (real folders on disk).
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { eslintConfigWithPlugin, MAX_CONFIG_BYTES } from '../../src/linting/eslintConfig';
import { readLintSettings } from '../../src/linting/settings';

describe('lint.enable "auto": eslint.config.* naming eslint-plugin-weakref', () => {
  let root = '';
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'weakref-auto-'));
    fs.mkdirSync(path.join(root, 'app', 'src', 'deep'), { recursive: true });
    fs.mkdirSync(path.join(root, 'app', 'other'), { recursive: true });
    fs.writeFileSync(
      path.join(root, 'app', 'eslint.config.mjs'),
      "import weakref from 'eslint-plugin-weakref';\nexport default [weakref.configs.recommended];\n",
    );
    fs.writeFileSync(path.join(root, 'app', 'other', 'eslint.config.js'), 'export default [];\n');
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('finds the config walking up from the file', async () => {
    assert.equal(
      await eslintConfigWithPlugin(path.join(root, 'app', 'src', 'deep', 'a.js')),
      path.join(root, 'app', 'eslint.config.mjs'),
    );
  });
  it('a nearer config without the plugin wins, as in ESLint', async () => {
    assert.equal(await eslintConfigWithPlugin(path.join(root, 'app', 'other', 'b.ts')), undefined);
  });
  it('no config at all: not linted by ESLint', async () => {
    assert.equal(await eslintConfigWithPlugin(path.join(root, 'c.js')), undefined);
  });
  // A repository's config is the workspace's to choose: a link to a device or a FIFO must cost
  // the extension host nothing (it used to read /dev/zero to 2 GB and abort).
  for (const [what, make] of [
    ['a link to /dev/zero', (p: string) => fs.symlinkSync('/dev/zero', p)],
    ['a FIFO with no writer', (p: string) => execFileSync('mkfifo', [p])],
    ['a link to /dev/stdin', (p: string) => fs.symlinkSync('/dev/stdin', p)],
  ] as const) {
    it(`a nearest config that is ${what} is not read, and the file is ours to lint`, async function () {
      this.timeout(5000);
      const dir = fs.mkdtempSync(path.join(root, 'hostile-'));
      make(path.join(dir, 'eslint.config.js'));
      const rssBefore = process.memoryUsage().rss;
      assert.equal(await eslintConfigWithPlugin(path.join(dir, 'a.js')), undefined);
      assert.ok(process.memoryUsage().rss - rssBefore < 50e6, 'the config was read into memory');
    });
  }
  it('a config larger than the cap is not searched for the plugin', async () => {
    const dir = fs.mkdtempSync(path.join(root, 'huge-'));
    fs.writeFileSync(path.join(dir, 'eslint.config.js'), `// eslint-plugin-weakref\n${' '.repeat(MAX_CONFIG_BYTES)}`);
    assert.equal(await eslintConfigWithPlugin(path.join(dir, 'a.js')), undefined);
  });
  it('the setting: true, false, "auto", and anything else reported', () => {
    const read = (v: unknown) => readLintSettings((k) => (k === 'lint.enable' ? v : undefined));
    assert.deepEqual(
      [true, false, 'auto', undefined].map((v) => [read(v).enabled, read(v).deferToEslint]),
      [
        [true, false],
        [false, false],
        [true, true],
        [true, false],
      ],
    );
    assert.deepEqual(read('yes').problems, ['weakrefLessons.lint.enable must be true, false or "auto"; using true']);
  });
});
