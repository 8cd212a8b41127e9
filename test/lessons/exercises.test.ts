// Every exercise is graded by its checks: the starter must fail at least one requirement and
// the reference solution must pass them all, on every run. The checks use GC, so each runs
// several times (and on Node 24 too when it is there) so that flakiness shows.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runChecks } from '../../src/exercises/checker';
import { loadCatalog } from '../../src/lessons/catalog';

const LESSONS_DIR = path.resolve(__dirname, '..', '..', '..', 'lessons');
const RUNS = 3;
const TIMEOUT_MS = 30_000;
const catalog = loadCatalog(LESSONS_DIR);

const NODE24 = path.join(process.env.WEAKREF_LESSONS_CACHE ?? path.join(os.homedir(), '.cache', 'weakref-lessons'), 'node24', 'node_modules', 'node', 'bin', 'node');
const nodes = [{ name: `node ${process.version}`, path: process.execPath }];
if (fs.existsSync(NODE24)) nodes.push({ name: 'node 24', path: NODE24 });

describe('exercises', () => {
  it('there are exercises for smart-cache and exercise-registry', () => {
    const withExercise = catalog.lessons.filter((l) => l.exercise).map((l) => l.id);
    for (const id of ['smart-cache', 'exercise-registry']) assert.ok(withExercise.includes(id), `${id} has no exercise (have: ${withExercise.join(', ')})`);
  });

  for (const lesson of catalog.lessons.filter((l) => l.exercise)) {
    const { starter, solution, checks } = lesson.exercise!;
    describe(lesson.id, function () {
      this.timeout(RUNS * 2 * TIMEOUT_MS);

      it('each check has a unique id and states one requirement in one sentence', () => {
        // A fresh require: the checks file is data the learner reads.
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- the checks file is CommonJS loaded at run time
        const list = require(checks) as { id: unknown; requirement: unknown; run: unknown }[];
        assert.ok(Array.isArray(list) && list.length >= 5 && list.length <= 8, `${list.length} checks; an exercise has 5 to 8`);
        const ids = list.map((c) => c.id);
        assert.equal(new Set(ids).size, ids.length, `duplicate ids: ${ids.join(', ')}`);
        for (const c of list) {
          assert.match(String(c.id), /^[a-z0-9]+(-[a-z0-9]+)*$/, `id ${String(c.id)}`);
          assert.equal(typeof c.run, 'function', `${String(c.id)}: run must be a function`);
          assert.equal(typeof c.requirement, 'string');
          assert.match(c.requirement as string, /^[A-Z`a-z].{10,}[.)]$/, `${String(c.id)}: "${String(c.requirement)}"`);
          assert.ok(!/[.!?] [A-Z]/.test(c.requirement as string), `${String(c.id)}: one sentence, please: "${String(c.requirement)}"`);
        }
      });

      for (const node of nodes) {
        it(`the starter fails at least one check (${RUNS} runs, ${node.name})`, async () => {
          for (let run = 1; run <= RUNS; run++) {
            const report = await runChecks({ nodeCommand: node.path, checksFile: checks, solutionFile: starter, timeoutMs: TIMEOUT_MS });
            assert.equal(report.error, undefined, `run ${run}: ${report.error}\n${report.output ?? ''}`);
            assert.ok(report.results.some((r) => !r.passed), `run ${run}: the starter passed every check`);
            for (const r of report.results.filter((x) => !x.passed)) assert.ok(r.message && r.message.length > 5, `run ${run}: ${r.id} failed without saying why`);
            assert.equal(report.output, undefined, `run ${run}: the starter printed something:\n${report.output}`);
          }
        });

        it(`the reference solution passes every check (${RUNS} runs, ${node.name})`, async () => {
          for (let run = 1; run <= RUNS; run++) {
            const report = await runChecks({ nodeCommand: node.path, checksFile: checks, solutionFile: solution, timeoutMs: TIMEOUT_MS });
            assert.equal(report.error, undefined, `run ${run}: ${report.error}\n${report.output ?? ''}`);
            assert.deepEqual(report.results.filter((r) => !r.passed).map((r) => `${r.id}: ${r.message}`), [], `run ${run}`);
            assert.equal(report.output, undefined, `run ${run}: the solution printed something:\n${report.output}`);
          }
        });
      }
    });
  }
});
