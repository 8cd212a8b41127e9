// lint.enable "auto": which files ESLint lints with eslint-plugin-weakref (real folders on disk).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { eslintConfigWithPlugin } from '../../src/linting/eslintConfig';
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

  it('finds the config walking up from the file', () => {
    assert.equal(
      eslintConfigWithPlugin(path.join(root, 'app', 'src', 'deep', 'a.js')),
      path.join(root, 'app', 'eslint.config.mjs'),
    );
  });
  it('a nearer config without the plugin wins, as in ESLint', () => {
    assert.equal(eslintConfigWithPlugin(path.join(root, 'app', 'other', 'b.ts')), undefined);
  });
  it('no config at all: not linted by ESLint', () => {
    assert.equal(eslintConfigWithPlugin(path.join(root, 'c.js')), undefined);
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
