// The one process runner: no shell, a time limit that covers grandchildren, a stop that ends
// the whole tree, a run that is over when its process exits, and a bounded output tail.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { OutputTail, startRun } from '../../src/process/run';
import { containmentAvailable } from '../../src/process/contain';
import { isAlive, readPid, spawnerSource, survivors, waitGone } from '../support/processes';

describe('process runner', function () {
  this.timeout(30_000);
  let dir: string;
  let n = 0;
  const program = (source: string) => {
    const file = path.join(dir, `p${++n}.js`);
    fs.writeFileSync(file, source);
    return file;
  };
  const pidFile = () => path.join(dir, `pid${++n}`);

  before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weakref-run-test-'))));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('passes arguments as they are, without a shell', async () => {
    const odd = `a "b" $HOME; & (1) 'c'`;
    const run = startRun(process.execPath, ['-e', 'console.log(JSON.stringify(process.argv.slice(1)))', odd]);
    const end = await run.done;
    assert.equal(end.reason, 'exited');
    assert.equal(end.code, 0);
    assert.deepEqual(JSON.parse(end.output), [odd]);
  });

  it('says in one wording that the program was not found', async () => {
    const end = await startRun(path.join(dir, 'no-such-node'), ['--version']).done;
    assert.equal(end.reason, 'not-started');
    assert.equal(end.startErrorCode, 'ENOENT');
    assert.match(end.startError!, /^Node\.js was not found at ".*no-such-node"\. Install Node\.js 14\.6 or later/);
  });

  it('kills a grandchild that shares its pipes when the time limit is reached', async () => {
    const pids = pidFile();
    const started = Date.now();
    const run = startRun(
      process.execPath,
      [program(spawnerSource(pids, { detached: false, stdio: 'inherit', thenExit: false }))],
      { timeoutMs: 1500 },
    );
    const child = await readPid(pids);
    assert.ok(isAlive(child));
    const end = await run.done;
    assert.equal(end.reason, 'timed-out');
    assert.ok(Date.now() - started < 6000, `took ${Date.now() - started} ms`);
    assert.ok(await waitGone(child), `grandchild ${child} outlived the time limit`);
  });

  it('ends a run whose process exited although a grandchild still holds its pipes, and kills the grandchild', async () => {
    const pids = pidFile();
    const started = Date.now();
    const run = startRun(
      process.execPath,
      [program(spawnerSource(pids, { detached: false, stdio: 'inherit', thenExit: true }))],
      { timeoutMs: 20_000 },
    );
    const end = await run.done;
    assert.equal(end.reason, 'exited');
    assert.equal(end.code, 0);
    assert.ok(Date.now() - started < 5000, `the run waited ${Date.now() - started} ms for the grandchild`);
    assert.ok(await waitGone(await readPid(pids)), 'the grandchild outlived the run');
  });

  it('stops the whole tree, a detached grandchild in its own session included', async () => {
    const pids = pidFile();
    const run = startRun(process.execPath, [
      program(spawnerSource(pids, { detached: true, stdio: 'ignore', thenExit: false })),
    ]);
    const child = await readPid(pids);
    assert.ok(isAlive(child) && isAlive(run.pid!));
    run.stop();
    const end = await run.done;
    assert.equal(end.reason, 'stopped');
    assert.ok(await waitGone(run.pid!), 'the process outlived stop()');
    assert.ok(await waitGone(child), `detached grandchild ${child} outlived stop()`);
  });

  it('on Linux, also finds a detached grandchild whose parent already exited', async function () {
    if (process.platform !== 'linux') this.skip();
    const pids = pidFile();
    const end = await startRun(process.execPath, [
      program(spawnerSource(pids, { detached: true, stdio: 'ignore', thenExit: true })),
    ]).done;
    assert.equal(end.reason, 'exited');
    assert.ok(await waitGone(await readPid(pids)), 'the orphaned grandchild outlived the run');
  });

  describe('a contained run (a PID namespace, where one can be made)', () => {
    it('reports a program that is missing or not a program as not started, as an uncontained run does', async () => {
      const missing = await startRun(path.join(dir, 'no-such-node'), ['--version'], { contain: true }).done;
      assert.equal(missing.reason, 'not-started');
      assert.equal(missing.startErrorCode, 'ENOENT');
      assert.match(missing.startError!, /^Node\.js was not found at ".*no-such-node"/);
      const folder = await startRun(dir, [], { contain: true }).done;
      assert.equal(folder.reason, 'not-started');
      assert.equal(folder.startErrorCode, 'EACCES');
    });

    it('passes the exit code, the output and a name found on PATH through', async () => {
      const end = await startRun(
        path.basename(process.execPath),
        ['-e', 'console.log("inside"); process.exitCode = 3'],
        {
          contain: true,
          env: { PATH: path.dirname(process.execPath) },
        },
      ).done;
      assert.equal(end.reason, 'exited');
      assert.equal(end.code, 3);
      assert.equal(end.output.trim(), 'inside');
    });

    it('on Linux, kills a grandchild that left the session and cleared its environment', async function () {
      if (process.platform !== 'linux' || !containmentAvailable()) this.skip();
      const tag = `99.${Date.now() % 1_000_000}`;
      const source = `require('child_process').spawnSync('/bin/sh', ['-c', 'setsid /bin/sleep ${tag} </dev/null >/dev/null 2>&1 &'], { env: {} }); setInterval(() => {}, 1000);`;
      const run = startRun(process.execPath, [program(source)], { contain: true, timeoutMs: 1500 });
      assert.equal((await run.done).reason, 'timed-out');
      assert.deepEqual(await survivors(tag), [], 'processes outlived the run');
    });
  });

  it('keeps only a bounded tail of heavy output', async () => {
    const run = startRun(
      process.execPath,
      ['-e', "for (let i = 0; i < 200000; i++) console.log('line ' + i); console.error('the end');"],
      { tailChars: 1000 },
    );
    const end = await run.done;
    assert.equal(end.output.length, 1000);
    assert.ok(end.cutChars > 1_000_000, `cut ${end.cutChars}`);
    assert.match(end.output, /line 199999\n/);
  });

  it('OutputTail keeps the last characters across chunks of any size', () => {
    const tail = new OutputTail(5);
    tail.push('abc');
    tail.push('defg');
    assert.equal(tail.text, 'cdefg');
    assert.equal(tail.cutChars, 2);
    tail.push('0123456789');
    assert.equal(tail.text, '56789');
    assert.equal(tail.cutChars, 12);
    tail.push('');
    assert.equal(tail.text, '56789');
  });
});
