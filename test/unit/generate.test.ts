// `npm run generate -- --check` holds every copy of the rule definitions (package.json and
// package.nls.json, docs/rules/*.md, the plugin's index.d.ts, both READMEs' rule tables) to what
// the definitions produce, and names the file that differs.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { RULES } from '../../src/analysis/ruleMeta';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const COPIES = [
  'package.json',
  'package.nls.json',
  ...RULES.map((r) => `docs/rules/${r.id}.md`),
  'packages/eslint-plugin-weakref/index.d.ts',
  'packages/eslint-plugin-weakref/README.md',
  'README.md',
];

function generateCheck(root: string) {
  return spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'generate.mjs'), '--check', '--root', root], {
    encoding: 'utf8',
  });
}

describe('generated copies of the rule definitions', function () {
  this.timeout(60000);
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weakref-generate-'));
    for (const file of COPIES) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.copyFileSync(path.join(ROOT, file), path.join(dir, file));
    }
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('are up to date in the repository', () => {
    const r = generateCheck(ROOT);
    assert.equal(r.status, 0, r.stderr);
  });

  const edits: [string, (text: string) => string][] = [
    ['packages/eslint-plugin-weakref/index.d.ts', (t) => t.replace("'unsafe-deref'", "'unsafe-deref-renamed'")],
    ['docs/rules/unsafe-deref.md', (t) => t.replace('| `throws` | finding |', '| `throws` | fix title |')],
    ['README.md', (t) => t.replace('| python | warning |', '| python | error |')],
    ['package.nls.json', (t) => t.replace('so the entry is never removed', 'so the entry stays')],
  ];
  for (const [file, edit] of edits) {
    it(`fail, naming ${file}, when it is edited by hand`, () => {
      const at = path.join(dir, file);
      const before = fs.readFileSync(at, 'utf8');
      const after = edit(before);
      assert.notEqual(after, before, 'the edit changed nothing');
      fs.writeFileSync(at, after);
      const r = generateCheck(dir);
      assert.equal(r.status, 1);
      assert.match(
        r.stderr,
        new RegExp(`${file.replace(/[.]/g, '\\.')}: differs from what the rule definitions produce`),
      );
      assert.equal(r.stderr.match(/differs from/g)?.length, 1, r.stderr);
    });
  }
});
