// The exercise checker: the learner's file is checked in a child process under --expose-gc,
// each requirement reported on its own, and nothing the learner's code does (print, loop for
// ever, exit, throw later) can fake a pass or hang the caller.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { formatSeconds, MAX_OUTPUT_CHARS, runChecks } from '../../src/exercises/checker';
import { allPassed, summarize, type CheckReport } from '../../src/exercises/types';
import { containmentAvailable } from '../../src/process/contain';
import { readPid, spawnerSource, survivors, waitGone } from '../support/processes';

const CHECKS = `
module.exports = [
  { id: 'adds', requirement: 'add(a, b) returns the sum.', async run(load) {
      const { add } = load();
      if (add(2, 3) !== 5) throw new Error('add(2, 3) returned ' + add(2, 3));
  } },
  { id: 'weak', requirement: 'track() does not keep its object alive.', async run(load, tools) {
      const { track } = load();
      let ref;
      (() => { const o = {}; ref = new WeakRef(o); track(o); })();
      await tools.settle();
      if (ref.deref() !== undefined) throw new Error('the object is still alive after a collection');
  } },
  { id: 'fresh', requirement: 'load() gives a fresh copy of the file.', async run(load) {
      const a = load();
      const b = load();
      if (a === b) throw new Error('load() returned the cached module');
  } },
];`;

const RIGHT = 'const seen = new WeakSet();\nexports.add = (a, b) => a + b;\nexports.track = (o) => seen.add(o);\n';
const WRONG = 'const seen = new Set();\nexports.add = (a, b) => a - b;\nexports.track = (o) => seen.add(o);\n';

const states = (report: CheckReport) => report.results.map((r) => `${r.id}:${r.passed ? 'passed' : 'failed'}`);

describe('exercise checker', function () {
  this.timeout(30_000);
  let root: string;
  let dir: string;
  const write = (name: string, text: string, where = dir) => {
    const f = path.join(where, name);
    fs.writeFileSync(f, text);
    return f;
  };
  const check = (
    solution: string,
    options: { timeoutMs?: number; nodeCommand?: string; checks?: string; nodeArgs?: string[] } = {},
  ) =>
    runChecks({
      nodeCommand: options.nodeCommand ?? process.execPath,
      nodeArgs: options.nodeArgs,
      checksFile: path.join(dir, options.checks ?? 'checks.js'),
      solutionFile: path.join(dir, solution),
      timeoutMs: options.timeoutMs ?? 15_000,
    });

  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'weakref-checker-test-'));
    dir = path.join(root, 'plain');
    fs.mkdirSync(dir);
    write('checks.js', CHECKS);
    write('right.js', RIGHT);
    write('wrong.js', WRONG);
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('passes a right solution on every requirement', async () => {
    const report = await check('right.js');
    assert.equal(report.error, undefined);
    assert.deepEqual(states(report), ['adds:passed', 'weak:passed', 'fresh:passed']);
    assert.equal(report.results[0].requirement, 'add(a, b) returns the sum.');
    assert.equal(report.output, undefined, 'a quiet solution has no output');
    assert.ok(allPassed(report));
    assert.equal(summarize(report), 'All 3 requirements met.');
  });

  it('fails a wrong solution requirement by requirement, saying why', async () => {
    const report = await check('wrong.js');
    assert.equal(report.error, undefined);
    assert.deepEqual(states(report), ['adds:failed', 'weak:failed', 'fresh:passed']);
    assert.equal(report.results[0].message, 'add(2, 3) returned -1');
    assert.match(report.results[1].message!, /still alive/);
    assert.equal(allPassed(report), false);
    assert.equal(summarize(report), '1 of 3 requirements met.');
  });

  it('reports a syntax error in the learner file on each check that loads it, with the line', async () => {
    write('broken.js', '// fine\nexports.add = (a, b) => { return a + ;\n');
    const report = await check('broken.js');
    assert.equal(report.error, undefined);
    assert.equal(report.results.length, 3);
    for (const r of report.results) {
      assert.equal(r.passed, false);
      assert.match(r.message ?? '', /^SyntaxError: .*\(broken\.js line 2\)$/);
    }
  });

  it('names the line of the learner file where a runtime error came from', async () => {
    write('throws.js', 'exports.add = (a, b) => {\n  return a.b.c + b;\n};\nexports.track = () => {};\n');
    const report = await check('throws.js');
    assert.match(report.results[0].message!, /^TypeError: .*\(throws\.js line 2\)$/);
  });

  it("keeps the learner's console output out of the results and returns it as output", async () => {
    // Output without a final newline, on both streams, before and during the checks, and
    // lines that look like a result: none of it may change what is reported.
    write(
      'noisy.js',
      [
        "process.stdout.write('no newline at the end');",
        "console.error('a warning on stderr');",
        'console.log(\'\\n@@weakref-check-results-@@ {"t":"result","i":0,"passed":true}\');',
        'console.log(\'{"t":"done"}\');',
        'const seen = new WeakSet();',
        "exports.add = (a, b) => { process.stdout.write('adding'); return a - b; };",
        'exports.track = (o) => seen.add(o);',
      ].join('\n'),
    );
    const report = await check('noisy.js');
    assert.equal(report.error, undefined);
    assert.deepEqual(states(report), ['adds:failed', 'weak:passed', 'fresh:passed']);
    assert.match(report.output ?? '', /no newline at the end/);
    assert.match(report.output ?? '', /a warning on stderr/);
    assert.match(report.output ?? '', /@@weakref-check-results-@@/);
    assert.match(report.output ?? '', /adding/);
  });

  it('cuts very long output but still reports every check', async () => {
    write('chatty.js', `for (let i = 0; i < 20000; i++) console.log('line ' + i + ' of a long story');\n${RIGHT}`);
    const report = await check('chatty.js');
    assert.ok(allPassed(report), JSON.stringify(report.results));
    assert.ok(report.output!.length < MAX_OUTPUT_CHARS + 200);
    assert.match(report.output!, /^… \(the first \d+ characters of output were cut\)/);
    assert.match(report.output!, /line 19999 of a long story$/, 'the end of the output is what is kept');
  });

  it('cannot be fooled by a learner file that reads the marker from its process', async () => {
    // The marker is never in argv, and the harness removes it from the environment first.
    write(
      'spy.js',
      `console.log(JSON.stringify({ argv: process.argv.slice(2), env: Object.keys(process.env).filter((k) => k.startsWith('WEAKREF_CHECK')) }));\n${WRONG}`,
    );
    const report = await check('spy.js');
    assert.doesNotMatch(report.output ?? '', /@@weakref-check-[0-9a-f]/);
    assert.match(report.output ?? '', /"env":\[\]/);
    assert.equal(report.results[0].passed, false);
  });

  it('stops an endless loop at the time limit and says which check was running', async () => {
    write('loop.js', 'exports.add = (a, b) => {\n  while (true) {}\n};\nexports.track = () => {};\n');
    const started = Date.now();
    const report = await check('loop.js', { timeoutMs: 1500 });
    assert.ok(Date.now() - started < 10_000, 'the run was stopped in time');
    assert.equal(report.error, 'The checks did not finish within 1.5 s and were stopped. Is there an endless loop?');
    assert.deepEqual(states(report), ['adds:failed', 'weak:failed', 'fresh:failed']);
    assert.match(report.results[0].message!, /did not finish within 1\.5 s: is there an endless loop\?/);
    assert.match(report.results[1].message!, /^not run/);
    assert.equal(allPassed(report), false);
  });

  it('keeps the results of the checks that finished before an endless loop', async () => {
    write('later-loop.js', `exports.add = (a, b) => a + b;\nexports.track = () => { for (;;); };\n`);
    const report = await check('later-loop.js', { timeoutMs: 1500 });
    assert.deepEqual(states(report), ['adds:passed', 'weak:failed', 'fresh:failed']);
    assert.match(report.results[1].message!, /did not finish/);
    assert.match(report.error!, /did not finish within 1\.5 s/);
  });

  it('stops an endless loop at the top of the learner file', async () => {
    write('top-loop.js', 'while (true) {}\n');
    const report = await check('top-loop.js', { timeoutMs: 1000 });
    assert.match(report.error ?? '', /did not finish within 1 s/);
    assert.equal(report.results.length, 3);
    assert.ok(report.results.every((r) => !r.passed));
  });

  it('gives each check its own time budget: a promise that never settles fails only its check', async () => {
    write(
      'checks-hang.js',
      `module.exports = [
      { id: 'hangs', requirement: 'waits for ever.', run: (load) => load().never() },
      { id: 'after', requirement: 'still runs.', async run(load) { if (load().ok !== true) throw new Error('not ok'); } },
    ];`,
    );
    write('hang.js', 'exports.never = () => new Promise(() => {});\nexports.ok = true;\n');
    const started = Date.now();
    const report = await check('hang.js', { checks: 'checks-hang.js', timeoutMs: 2500 });
    assert.ok(Date.now() - started < 2400, 'the budget of a check is a share of the whole');
    assert.equal(report.error, undefined);
    assert.deepEqual(states(report), ['hangs:failed', 'after:passed']);
    assert.match(report.results[0].message!, /did not finish within 1 s/);
  });

  it('turns process.exit() and errors thrown later into failures of the check that caused them', async () => {
    write(
      'checks-misc.js',
      `module.exports = [
      { id: 'exit', requirement: 'does not exit.', async run(load) { load().quit(); } },
      { id: 'later', requirement: 'does not throw later.', async run(load, tools) { load().later(); await tools.settle(1); } },
      { id: 'fine', requirement: 'is fine.', async run(load) { load(); } },
    ];`,
    );
    write(
      'misc.js',
      "exports.quit = () => process.exit(3);\nexports.later = () => setTimeout(() => { throw new RangeError('too far'); }, 0);\n",
    );
    const report = await check('misc.js', { checks: 'checks-misc.js' });
    assert.equal(report.error, undefined);
    assert.deepEqual(states(report), ['exit:failed', 'later:failed', 'fine:passed']);
    assert.match(report.results[0].message!, /process\.exit\(3\)/);
    assert.match(report.results[1].message!, /uncaught error: RangeError: too far/);
  });

  it("reports a broken checks file as an error, not as the learner's fault", async () => {
    write('checks-broken.js', 'module.exports = {};\n');
    const report = await check('right.js', { checks: 'checks-broken.js' });
    assert.deepEqual(report.results, []);
    assert.match(report.error ?? '', /The checks could not be loaded: checks\.js must export an array/);
    assert.equal(allPassed(report), false);
  });

  it('says clearly when a file is missing', async () => {
    const report = await check('no-such-file.js');
    assert.match(report.error ?? '', /The solution file .*no-such-file\.js does not exist\./);
  });

  it('says clearly when node is missing or cannot be started', async () => {
    const missing = await check('right.js', { nodeCommand: path.join(dir, 'no-such-node') });
    assert.deepEqual(missing.results, []);
    assert.match(missing.error ?? '', /^Node\.js was not found at ".*no-such-node"/);
    const notANode = await check('right.js', { nodeCommand: dir });
    assert.match(notANode.error ?? '', /could not be started|was not found/);
  });

  it('passes extra node options and never doubles --expose-gc', async () => {
    write(
      'checks-args.js',
      `module.exports = [{ id: 'args', requirement: 'sees the options.', async run() {
      const want = ['--expose-gc', '--max-old-space-size=200'];
      if (JSON.stringify(process.execArgv) !== JSON.stringify(want)) throw new Error(JSON.stringify(process.execArgv));
    } }];`,
    );
    const report = await check('right.js', {
      checks: 'checks-args.js',
      nodeArgs: ['--expose-gc', '--max-old-space-size=200'],
    });
    assert.ok(allPassed(report), JSON.stringify(report));
    const without = await check('right.js', { checks: 'checks-args.js', nodeArgs: ['--max-old-space-size=200'] });
    assert.ok(allPassed(without), JSON.stringify(without));
  });

  it('works in a folder whose path has spaces, quotes and shell characters, and runs there', async () => {
    const odd = path.join(root, `my "exercise" it's $HOME; & (1)`);
    fs.mkdirSync(odd);
    write(
      'checks.js',
      CHECKS +
        `\nmodule.exports.push({ id: 'cwd', requirement: 'runs in the solution folder.', async run() {
      if (process.cwd() !== ${JSON.stringify(odd)}) throw new Error(process.cwd());
    } });`,
      odd,
    );
    write(`right "copy".js`, RIGHT, odd);
    const report = await runChecks({
      nodeCommand: process.execPath,
      checksFile: path.join(odd, 'checks.js'),
      solutionFile: path.join(odd, `right "copy".js`),
      timeoutMs: 15_000,
    });
    assert.equal(report.error, undefined);
    assert.deepEqual(states(report), ['adds:passed', 'weak:passed', 'fresh:passed', 'cwd:passed']);
  });

  it('leaves no temporary files behind', async () => {
    const before = fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith('weakref-check-')).length;
    await check('right.js');
    await check('loop.js', { timeoutMs: 800 });
    const after = fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith('weakref-check-')).length;
    assert.ok(after <= before, `${after - before} temp folders left`);
  });

  describe('a learner file that tries to fake a pass or hang the checks', () => {
    it('cannot rewrite the results by patching JSON.stringify', async () => {
      write(
        'fake-stringify.js',
        `const real = JSON.stringify;
JSON.stringify = function (value, ...rest) {
  if (value && value.t === 'result') value = Object.assign({}, value, { passed: true, message: undefined });
  return real.call(this, value, ...rest);
};
${WRONG}`,
      );
      const report = await check('fake-stringify.js');
      assert.equal(report.error, undefined);
      assert.deepEqual(states(report), ['adds:failed', 'weak:failed', 'fresh:passed']);
    });

    it('cannot rewrite the results with a toJSON on Object.prototype', async () => {
      write(
        'fake-tojson.js',
        `Object.prototype.toJSON = function () { return this.t === 'result' ? { t: 'result', i: this.i, passed: true } : this; };\n${WRONG}`,
      );
      const report = await check('fake-tojson.js');
      assert.deepEqual(states(report), ['adds:failed', 'weak:failed', 'fresh:passed']);
    });

    it('cannot read the marker or forge results by hooking stdout, and cannot write forged lines on fd 3', async () => {
      write(
        'fake-stdout.js',
        `const fs = require('fs');
let captured = '';
const write = process.stdout._write;
process.stdout._write = function (chunk, enc, cb) { captured += String(chunk); return write.call(this, chunk, enc, cb); };
process.on('exit', () => fs.writeSync(2, 'SEEN[' + captured + ']'));
const forged = (i) => '\\n@@weakref-check-00000000000000000000000000000000@@ {"t":"result","i":' + i + ',"passed":true}\\n';
for (const fd of [1, 3]) for (let i = 0; i < 3; i++) { try { fs.writeSync(fd, forged(i)); } catch (_) {} }
${WRONG}`,
      );
      const report = await check('fake-stdout.js');
      assert.deepEqual(states(report), ['adds:failed', 'weak:failed', 'fresh:passed']);
      assert.equal(report.error, undefined);
      assert.doesNotMatch(
        report.output ?? '',
        /weakref-check-(?!0{32})[0-9a-f]{32}@@/,
        'the real marker leaked into the output',
      );
    });

    it('cannot pass a check by replacing Promise.prototype.then, Promise.race or Array.prototype.push', async () => {
      write(
        'fake-promise.js',
        `Promise.prototype.then = function (ok) { return ok && ok(); };
Promise.race = () => Promise.resolve();
Array.prototype.push = function () { return 0; };
${WRONG}`,
      );
      const report = await check('fake-promise.js');
      assert.equal(report.results[0].passed, false, JSON.stringify(report));
      assert.equal(report.results[1].passed, false, JSON.stringify(report));
    });

    it('loses no message under heavy output on stdout and stderr', async () => {
      write(
        'flood.js',
        `const line = 'x'.repeat(1000) + '\\n';
exports.add = (a, b) => { for (let i = 0; i < 5000; i++) { process.stdout.write(line); process.stderr.write(line); } return a + b; };
const seen = new WeakSet();
exports.track = (o) => seen.add(o);
for (let i = 0; i < 2000; i++) console.log(line);
`,
      );
      const report = await check('flood.js', { timeoutMs: 25_000 });
      assert.equal(report.error, undefined, report.error);
      assert.deepEqual(states(report), ['adds:passed', 'weak:passed', 'fresh:passed']);
      assert.ok(report.output!.length < MAX_OUTPUT_CHARS + 200);
    });

    it('does not wait for a long-lived child that shares its stdout, and kills it', async () => {
      const pids = path.join(dir, 'inherit.pid');
      write(
        'inherit-child.js',
        `${spawnerSource(pids, { detached: false, stdio: 'inherit', thenExit: true })}\n${RIGHT}`,
      );
      const started = Date.now();
      const report = await check('inherit-child.js', { timeoutMs: 20_000 });
      assert.ok(Date.now() - started < 10_000, `the check took ${Date.now() - started} ms`);
      assert.ok(allPassed(report), JSON.stringify(report));
      assert.ok(await waitGone(await readPid(pids)), 'the child outlived the check');
    });

    it('kills a detached child that would outlive the check', async () => {
      const pids = path.join(dir, 'detached.pid');
      write(
        'detached-child.js',
        `${spawnerSource(pids, { detached: true, stdio: 'ignore', thenExit: true })}\n${RIGHT}`,
      );
      const report = await check('detached-child.js');
      assert.ok(allPassed(report), JSON.stringify(report));
      assert.ok(await waitGone(await readPid(pids)), 'the detached child outlived the check');
    });

    // A learner file that has the real marker writes every result as passed and the "done"
    // line, then kills its own process before the harness can send the real results.
    const FORGE = `const forge = (marker) => {
  const line = (o) => '\\n' + marker + ' ' + JSON.stringify(o) + '\\n';
  let text = '';
  for (let i = 0; i < 3; i++) text += line({ t: 'result', i, passed: true }) + (i < 2 ? line({ t: 'start', i: i + 1 }) : '');
  require('fs').writeSync(3, text + line({ t: 'done' }));
  process.kill(process.pid, 'SIGKILL');
};
const MARKER = /@@weakref-check-[0-9a-f]{32}@@/;`;

    it('does not hand the marker to a hook on Buffer.prototype.utf8Write', async () => {
      write(
        'fake-utf8write.js',
        `${FORGE}
const utf8Write = Buffer.prototype.utf8Write;
Buffer.prototype.utf8Write = function (text, ...rest) {
  const found = typeof text === 'string' && MARKER.exec(text);
  if (found) forge(found[0]);
  return utf8Write.call(this, text, ...rest);
};
${WRONG}`,
      );
      const report = await check('fake-utf8write.js');
      assert.deepEqual(states(report), ['adds:failed', 'weak:failed', 'fresh:passed'], JSON.stringify(report));
    });

    it("does not hand the marker to a hook on process.binding('fs').writeBuffer", async () => {
      write(
        'fake-writebuffer.js',
        `${FORGE}
const binding = process.binding('fs');
const writeBuffer = binding.writeBuffer;
binding.writeBuffer = function (fd, buffer, ...rest) {
  const found = MARKER.exec(Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength).toString('latin1'));
  if (found) forge(found[0]);
  return writeBuffer.call(this, fd, buffer, ...rest);
};
${WRONG}`,
      );
      const report = await check('fake-writebuffer.js');
      assert.deepEqual(states(report), ['adds:failed', 'weak:failed', 'fresh:passed'], JSON.stringify(report));
    });

    it('keeps the marker out of a heap snapshot of the learner process', async () => {
      write(
        'fake-heapsnapshot.js',
        `${FORGE}
const fs = require('fs');
const file = require('v8').writeHeapSnapshot(require('path').join(__dirname, 'learner.heapsnapshot'));
const found = MARKER.exec(fs.readFileSync(file, 'latin1'));
fs.unlinkSync(file);
if (found) forge(found[0]);
else console.log('no marker in the heap snapshot');
${WRONG}`,
      );
      const report = await check('fake-heapsnapshot.js');
      assert.deepEqual(states(report), ['adds:failed', 'weak:failed', 'fresh:passed'], JSON.stringify(report));
      assert.match(report.output ?? '', /no marker in the heap snapshot/);
    });

    it('kills a grandchild that left the session with a cleared environment (setsid, double fork, execve)', async function () {
      if (process.platform !== 'linux') this.skip();
      if (!containmentAvailable()) this.skip(); // docs/EXERCISES.md says what survives without it
      const tag = `97.${Date.now() % 1_000_000}`;
      write(
        'escape.js',
        `require('child_process').spawnSync('/bin/sh', ['-c', 'setsid /bin/sleep ${tag} </dev/null >/dev/null 2>&1 &'], { env: {} });\n${RIGHT}`,
      );
      const report = await check('escape.js');
      assert.ok(allPassed(report), JSON.stringify(report));
      assert.deepEqual(await survivors(tag), [], 'processes outlived the check');
    });

    it("kills the learner's children at the time limit too", async () => {
      const pids = path.join(dir, 'loop-child.pid');
      write(
        'loop-child.js',
        `${spawnerSource(pids, { detached: false, stdio: 'inherit', thenExit: true })}\nwhile (true) {}\n`,
      );
      const report = await check('loop-child.js', { timeoutMs: 1500 });
      assert.match(report.error ?? '', /did not finish within 1\.5 s/);
      assert.ok(await waitGone(await readPid(pids)), 'the child outlived the time limit');
    });
  });

  it('formats time limits in seconds', () => {
    assert.equal(formatSeconds(30_000), '30 s');
    assert.equal(formatSeconds(1500), '1.5 s');
    assert.equal(formatSeconds(1000), '1 s');
  });
});
