// The Python exercise checker against a learner file written to fake a pass or hang the checks:
// each attack here reached the report channel, replaced a check or held the run open before the
// harness kept its channel, its marker and its checks out of the learner's reach.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runPythonChecks } from '../../src/exercises/pythonChecker';
import { allPassed, type CheckReport } from '../../src/exercises/types';
import { containmentAvailable } from '../../src/process/contain';
import { survivors } from '../support/processes';

const PYTHON = process.env.WEAKREF_PYTHON || 'python3';

const CHECKS = `import weakref

class Thing:
    pass

def adds(load, tools):
    got = load().add(2, 3)
    assert got == 5, "add(2, 3) returned %r" % (got,)

def weak(load, tools):
    module = load()
    thing = Thing()
    ref = weakref.ref(thing)
    module.track(thing)
    del thing
    tools.collect()
    assert ref() is None, "the object is still alive after a collection"

def fresh(load, tools):
    assert load() is not load(), "load() returned the same module twice"

CHECKS = [
    {"id": "adds", "requirement": "add(a, b) returns the sum.", "run": adds},
    {"id": "weak", "requirement": "track() does not keep its object alive.", "run": weak},
    {"id": "fresh", "requirement": "load() gives a fresh copy of the file.", "run": fresh},
]
`;
const RIGHT =
  'import weakref\nseen = weakref.WeakSet()\ndef add(a, b):\n    return a + b\ndef track(o):\n    seen.add(o)\n';
const WRONG = 'seen = []\ndef add(a, b):\n    return a - b\ndef track(o):\n    seen.append(o)\n';

// Every result as passed, then "done", as one block of lines.
const FORGED_LINES = `"".join('{"t": "%s", "i": %d, "passed": true}\\n' % (t, i) for i in range(3) for t in ("start", "result")) + '{"t": "done"}\\n'`;

const states = (report: CheckReport) => report.results.map((r) => `${r.id}:${r.passed ? 'passed' : 'failed'}`);

describe('Python exercise checker', function () {
  this.timeout(40_000);
  let dir: string;
  const check = (name: string, source: string, timeoutMs = 15_000) => {
    fs.writeFileSync(path.join(dir, name), source);
    return runPythonChecks({
      pythonCommand: PYTHON,
      checksFile: path.join(dir, 'checks.py'),
      solutionFile: path.join(dir, name),
      timeoutMs,
    });
  };

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weakref-pychecker-test-'));
    fs.writeFileSync(path.join(dir, 'checks.py'), CHECKS);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('passes a right solution and fails a wrong one requirement by requirement', async () => {
    const right = await check('right.py', RIGHT);
    assert.equal(right.error, undefined, right.error);
    assert.deepEqual(states(right), ['adds:passed', 'weak:passed', 'fresh:passed']);
    const wrong = await check('wrong.py', WRONG);
    assert.deepEqual(states(wrong), ['adds:failed', 'weak:failed', 'fresh:passed']);
    assert.equal(wrong.results[0].message, 'add(2, 3) returned -1');
  });

  it("cannot call the harness's send function through __main__", async () => {
    const report = await check(
      'fake-main-send.py',
      `import __main__, os
try:
    for i in range(3):
        __main__.send(t="result", i=i, passed=True)
        __main__.send(t="start", i=i + 1)
    __main__.send(t="done")
    os._exit(0)
except Exception:
    pass
${WRONG}`,
    );
    assert.deepEqual(states(report), ['adds:failed', 'weak:failed', 'fresh:passed'], JSON.stringify(report));
  });

  it('ignores forged results written on every file descriptor it can find', async () => {
    const report = await check(
      'fake-fd-scan.py',
      `import os
lines = (${FORGED_LINES}).encode()
for fd in range(3, 1024):
    try:
        os.write(fd, lines)
    except OSError:
        pass
os._exit(0)
`,
    );
    assert.equal(allPassed(report), false, JSON.stringify(report));
    assert.ok(
      report.results.every((r) => !r.passed),
      JSON.stringify(report),
    );
  });

  it('ignores results written from an exit hook after the last check (atexit and SystemExit)', async () => {
    const report = await check(
      'fake-atexit.py',
      `import atexit, os
def forge():
    try:
        import __main__
        for i in range(3):
            __main__.send(t="result", i=i, passed=True)
    except Exception:
        pass
    lines = (${FORGED_LINES}).encode()
    for fd in range(3, 1024):
        try:
            os.write(fd, lines)
        except OSError:
            pass
atexit.register(forge)
raise SystemExit
`,
    );
    assert.deepEqual(states(report), ['adds:failed', 'weak:failed', 'fresh:failed'], JSON.stringify(report));
    assert.match(report.results[0].message ?? '', /SystemExit/);
  });

  it("cannot replace the checks' run functions", async () => {
    const report = await check(
      'fake-run.py',
      `try:
    import __main__
    for c in __main__.checks:
        c["run"] = lambda load, tools: None
except Exception:
    pass
${WRONG}`,
    );
    assert.deepEqual(states(report), ['adds:failed', 'weak:failed', 'fresh:passed'], JSON.stringify(report));
  });

  it('caps the whole report: a flood on the report channel stops the run instead of filling memory', async () => {
    const started = Date.now();
    const report = await check(
      'flood.py',
      `import os
line = ('{"t": "result", "i": 0, "passed": false, "message": "%s"}\\n' % ("x" * 1000000)).encode()
for _ in range(200):
    for fd in range(3, 64):
        try:
            os.write(fd, line)
        except OSError:
            pass
${RIGHT}`,
      30_000,
    );
    assert.ok(Date.now() - started < 20_000, `the flood kept the check running for ${Date.now() - started} ms`);
    assert.equal(allPassed(report), false);
    assert.match(report.error ?? '', /report/, JSON.stringify(report).slice(0, 500));
  });

  it('ends the run at the last result even when a thread of the learner file still sleeps', async () => {
    const started = Date.now();
    const report = await check(
      'sleeper.py',
      `import threading, time\nthreading.Thread(target=time.sleep, args=(60,)).start()\n${RIGHT}`,
      20_000,
    );
    const took = Date.now() - started;
    assert.ok(allPassed(report), JSON.stringify(report));
    assert.ok(took < 8_000, `the check waited ${took} ms for a sleeping thread`);
  });

  it('kills a grandchild that left the session with a cleared environment (setsid, double fork, execve)', async function () {
    if (process.platform !== 'linux' || !containmentAvailable()) this.skip();
    const tag = `98.${Date.now() % 1_000_000}`;
    const report = await check(
      'escape.py',
      `import subprocess\nsubprocess.run(["/bin/sh", "-c", "setsid /bin/sleep ${tag} </dev/null >/dev/null 2>&1 &"], env={})\n${RIGHT}`,
    );
    assert.ok(allPassed(report), JSON.stringify(report));
    assert.deepEqual(await survivors(tag), [], 'processes outlived the check');
  });
});
