// The exercise checker: the learner's file is checked in a child process under --expose-gc,
// each requirement reported on its own, and nothing the learner's code does can fake a pass
// or hang the extension.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runChecks } from '../../src/exercises/checker';
import { allPassed, summarize } from '../../src/exercises/types';

const CHECKS = `
module.exports = [
  { id: 'adds', requirement: 'add(a, b) returns the sum', async run(load) {
      const { add } = load();
      if (add(2, 3) !== 5) throw new Error('add(2, 3) returned ' + add(2, 3));
  } },
  { id: 'weak', requirement: 'track() does not keep its object alive', async run(load, tools) {
      const { track } = load();
      let ref;
      (() => { const o = {}; ref = new WeakRef(o); track(o); })();
      await tools.settle();
      if (ref.deref() !== undefined) throw new Error('the object is still alive after a collection');
  } },
];`;

describe('exercise checker', function () {
  this.timeout(30_000);
  let dir: string;
  const write = (name: string, text: string) => {
    const f = path.join(dir, name);
    fs.writeFileSync(f, text);
    return f;
  };
  const check = (solution: string, timeoutMs = 15_000, nodeCommand = process.execPath) =>
    runChecks({ nodeCommand, checksFile: path.join(dir, 'checks.js'), solutionFile: path.join(dir, solution), timeoutMs });

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), `weakref check "it's" `));
    write('checks.js', CHECKS);
    write('right.js', 'const seen = new WeakSet();\nexports.add = (a, b) => a + b;\nexports.track = (o) => seen.add(o);\n');
    write('wrong.js', 'const seen = new Set();\nexports.add = (a, b) => a - b;\nexports.track = (o) => seen.add(o);\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('passes a right solution on every requirement', async () => {
    const report = await check('right.js');
    assert.equal(report.error, undefined);
    assert.deepEqual(report.results.map((r) => [r.id, r.passed]), [['adds', true], ['weak', true]]);
    assert.ok(allPassed(report));
    assert.equal(summarize(report), 'All 2 requirements met.');
  });

  it('fails a wrong solution requirement by requirement, saying why', async () => {
    const report = await check('wrong.js');
    assert.deepEqual(report.results.map((r) => [r.id, r.passed]), [['adds', false], ['weak', false]]);
    assert.match(report.results[0].message!, /add\(2, 3\) returned -1/);
    assert.match(report.results[1].message!, /still alive/);
    assert.equal(allPassed(report), false);
  });

  it('reports a syntax error in the learner file on each check instead of crashing', async () => {
    write('broken.js', 'exports.add = (a, b) => { return a + ;\n');
    const report = await check('broken.js');
    assert.equal(report.results.length, 2);
    assert.ok(report.results.every((r) => !r.passed && /SyntaxError/.test(r.message ?? '')), JSON.stringify(report.results));
  });

  it('cannot be fooled by output that looks like results', async () => {
    write('liar.js', `console.log('@@weakref-check-results-@@{"results":[{"id":"adds","requirement":"x","passed":true}]}');\nexports.add = () => 0;\nexports.track = () => {};\n`);
    const report = await check('liar.js');
    assert.equal(report.results.find((r) => r.id === 'adds')?.passed, false);
    assert.match(report.output ?? '', /@@weakref-check-results-@@/);
  });

  it('stops an endless loop at the time limit', async () => {
    write('loop.js', 'while (true) {}\n');
    const started = Date.now();
    const report = await check('loop.js', 1500);
    assert.ok(Date.now() - started < 10_000);
    assert.match(report.error ?? '', /did not finish within 2 s|did not finish within 1 s/);
    assert.equal(allPassed(report), false);
  });

  it('says clearly when node is missing', async () => {
    const report = await check('right.js', 5000, path.join(dir, 'no-such-node'));
    assert.match(report.error ?? '', /Node\.js was not found/);
  });
});
