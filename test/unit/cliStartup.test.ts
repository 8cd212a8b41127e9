// weakref-lint's start-up: where Node has module.enableCompileCache (22.1+), the CLI and its
// worker turn it on, so the engine bundle's compiled code is on disk for the next run; on Node 20
// the call is absent and nothing changes. Run on the built CLI, with the Node 24 that the
// real-VS-Code tests install when it is there, and with the Node running the tests.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const CLI = path.resolve(__dirname, '..', '..', '..', 'dist', 'cli.js');
const NODE24 = path.join(os.homedir(), '.cache', 'weakref-lessons', 'node24', 'node_modules', '.bin', 'node');
const hasCompileCache = (node: string) =>
  spawnSync(node, ['-p', "typeof require('module').enableCompileCache"], { encoding: 'utf8' }).stdout.trim() ===
  'function';

describe('weakref-lint start-up (compile cache)', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weakref-startup-'));
    fs.writeFileSync(path.join(dir, 'a.js'), "new WeakSet().add('x');\n");
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** Runs the CLI with its own temporary folder, where Node puts the compile cache by default. */
  const run = (node: string, env: Record<string, string> = {}) => {
    const tmp = path.join(dir, 'tmp');
    fs.mkdirSync(tmp, { recursive: true });
    const environment: Record<string, string | undefined> = {
      ...process.env,
      TMPDIR: tmp,
      TEMP: tmp,
      TMP: tmp,
      ...env,
    };
    delete environment.NODE_COMPILE_CACHE;
    const r = spawnSync(node, [CLI, '--format', 'unix', 'a.js'], { cwd: dir, encoding: 'utf8', env: environment });
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /a\.js:1:19: error: .*invalid-weak-target/);
    return fs.existsSync(path.join(tmp, 'node-compile-cache'))
      ? fs.readdirSync(path.join(tmp, 'node-compile-cache'), { recursive: true }).length
      : 0;
  };

  (fs.existsSync(NODE24) && hasCompileCache(NODE24) ? it : it.skip)(
    'on Node 22+, a run leaves a compile cache; NODE_DISABLE_COMPILE_CACHE still turns it off',
    () => {
      assert.ok(run(NODE24) > 1, 'a cache folder with entries');
      fs.rmSync(path.join(dir, 'tmp'), { recursive: true });
      assert.equal(run(NODE24, { NODE_DISABLE_COMPILE_CACHE: '1' }), 0);
    },
  );

  (hasCompileCache(process.execPath) ? it.skip : it)(
    'on a Node without it (20), the CLI runs as before and writes no cache',
    () => {
      assert.equal(run(process.execPath), 0);
    },
  );
});
