// weakref-lint --concurrency: several worker threads, one output. The built CLI on many files
// gives byte-for-byte the output of one worker, in the same order; `auto` follows ESLint's rule;
// and a run whose files all fail the text pre-check starts no worker (so never loads TypeScript).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from '../../src/cli/args';
import { workerCount } from '../../src/cli/concurrency';
import { deepParentheses } from '../support/hostileFixtures';

const CLI = path.resolve(__dirname, '..', '..', '..', 'dist', 'cli.js');
const run = (args: string[], cwd: string) => {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 1 << 26,
    env: { ...process.env, WEAKREF_LINT_DEBUG: '1' },
  });
  const debug = /weakref-lint: debug (\{.*\})/.exec(r.stderr);
  assert.ok(debug, r.stderr);
  return { ...r, stats: JSON.parse(debug[1]) as { linted: number; workers: number; precheckSkipped: number } };
};

describe('weakref-lint --concurrency', function () {
  this.timeout(120_000);

  it('auto: one worker per 50 files to lint, at most half the cores, never none; a number is capped by the files', () => {
    assert.equal(workerCount('auto', 0, 8), 0);
    assert.equal(workerCount('auto', 1, 8), 1);
    assert.equal(workerCount('auto', 50, 8), 1);
    assert.equal(workerCount('auto', 51, 8), 2);
    assert.equal(workerCount('auto', 1000, 8), 4);
    assert.equal(workerCount('auto', 1000, 2), 1);
    assert.equal(workerCount('auto', 1000, 1), 1);
    assert.equal(workerCount('off', 1000, 8), 1);
    assert.equal(workerCount(6, 3, 8), 3);
    assert.equal(workerCount(6, 100, 2), 6);
    assert.equal(workerCount(3, 0, 8), 0);
  });

  it('parses auto, off and a positive number, and refuses anything else', () => {
    for (const [value, expected] of [
      ['auto', 'auto'],
      ['off', 'off'],
      ['4', 4],
    ] as const) {
      const r = parseArgs(['--concurrency', value, 'a']);
      assert.ok(r.ok === true);
      assert.equal(r.args.concurrency, expected);
    }
    for (const bad of ['0', 'many', '1.5', '']) {
      const r = parseArgs([`--concurrency=${bad}`, 'a']);
      assert.ok(r.ok === false, bad);
      assert.match(r.error, /--concurrency must be auto, off or a number/);
    }
  });

  describe('on the built CLI', () => {
    let dir: string;
    before(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weakref-concurrency-'));
      for (let i = 0; i < 120; i++) {
        const name = path.join(dir, 'many', `f${String(i).padStart(3, '0')}.js`);
        fs.mkdirSync(path.dirname(name), { recursive: true });
        // Files of very different sizes, so the workers finish out of order.
        const padding =
          i % 7 === 0 ? `function pad() { return ${'[1, 2, 3].map((x) => x + 1), '.repeat(2000)}0; }\n` : '';
        fs.writeFileSync(
          name,
          `${padding}const ws${i} = new WeakSet();\nws${i}.add(${i % 2 ? "'s'" : '1'});\nconst r${i} = new WeakRef({});\n`,
        );
      }
      // One file too deep to analyse, in the middle: its worker stops; the others carry on.
      fs.writeFileSync(path.join(dir, 'many', 'f060-deep.js'), deepParentheses(1_000_000));
      fs.mkdirSync(path.join(dir, 'plain'));
      for (let i = 0; i < 5; i++)
        fs.writeFileSync(path.join(dir, 'plain', `p${i}.js`), `export const x${i} = new Map();\n`);
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('three workers give the same output, in the same order, as one', () => {
      const args = ['--max-file-size', '3000000', 'many'];
      const one = run(['--concurrency', 'off', '--format', 'json', ...args], dir);
      const three = run(['--concurrency', '3', '--format', 'json', ...args], dir);
      assert.equal(one.stats.workers, 1);
      assert.equal(three.stats.workers, 3);
      assert.equal(three.stats.linted, 121);
      assert.equal(one.status, 2, one.stderr);
      assert.equal(three.status, 2);
      assert.equal(three.stdout, one.stdout);
      const entries = JSON.parse(three.stdout) as { file: string; rule: string }[];
      assert.equal(entries.filter((e) => e.rule === 'invalid-weak-target').length, 120);
      assert.deepEqual(
        entries.filter((e) => e.rule === 'not-analysed').map((e) => e.file),
        [path.join('many', 'f060-deep.js')],
      );
      const sarif = (c: string) => run(['--concurrency', c, '--format', 'sarif', ...args], dir).stdout;
      assert.equal(sarif('auto'), sarif('off'));
    });

    it('a run whose files never mention a weak API starts no worker', () => {
      const r = run(['--concurrency', '4', 'plain'], dir);
      assert.equal(r.status, 0, r.stderr);
      assert.deepEqual([r.stats.workers, r.stats.linted, r.stats.precheckSkipped], [0, 0, 5]);
      assert.equal(r.stdout, 'No problems found.\n');
      // And the CLI's own bundle does not carry the TypeScript compiler: only the worker's does.
      assert.doesNotMatch(fs.readFileSync(CLI, 'utf8'), /createSourceFile/);
      assert.match(fs.readFileSync(path.join(path.dirname(CLI), 'lintWorker.js'), 'utf8'), /createSourceFile/);
    });
  });
});
