// The chart's measurement run goes through the process runner: a time limit that also ends
// what the example started, and a run that is over when the example exits.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { measureChart } from '../../src/features/lessonView/measure';
import { readPid, spawnerSource, waitGone } from '../support/processes';

describe('chart measurement run', function () {
  this.timeout(30_000);
  let dir: string;
  before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weakref-measure-test-'))));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const invocation = (file: string) => ({ command: process.execPath, args: ['--expose-gc'], file });
  const WRITE_CHART =
    "require('fs').writeFileSync(process.env.WEAKREF_CHART_FILE, JSON.stringify({ series: [{ name: 'heap', values: [1, 2, 3] }] }));";

  it('draws what the example wrote, without waiting for a child that holds its pipes, and kills that child', async () => {
    const pids = path.join(dir, 'child.pid');
    const file = path.join(dir, 'chart-with-child.js');
    fs.writeFileSync(
      file,
      `${spawnerSource(pids, { detached: false, stdio: 'inherit', thenExit: true })}\n${WRITE_CHART}\n`,
    );
    const started = Date.now();
    const result = await measureChart({ invocation: invocation(file), timeoutMs: 20_000 });
    assert.ok(result.ok, JSON.stringify(result));
    assert.ok(Date.now() - started < 8000, `took ${Date.now() - started} ms`);
    assert.ok(await waitGone(await readPid(pids)), 'the child outlived the measurement');
  });

  it('stops a runaway example and its children at the time limit', async () => {
    const pids = path.join(dir, 'loop.pid');
    const file = path.join(dir, 'loop.js');
    fs.writeFileSync(
      file,
      `${spawnerSource(pids, { detached: false, stdio: 'inherit', thenExit: true })}\nwhile (true) {}\n`,
    );
    const result = await measureChart({ invocation: invocation(file), timeoutMs: 1500 });
    assert.deepEqual(result, { ok: false, message: 'The example did not finish within 1.5 s and was stopped.' });
    assert.ok(await waitGone(await readPid(pids)), 'the child outlived the time limit');
  });

  it("says in the runner's words when node is missing", async () => {
    const result = await measureChart({
      invocation: { command: path.join(dir, 'no-node'), args: [], file: path.join(dir, 'x.js') },
      timeoutMs: 5000,
    });
    assert.equal(result.ok, false);
    assert.match(!result.ok ? result.message : '', /^Node\.js was not found at/);
  });
});
