// Every exercise is graded by its checks: the starter must fail at least one requirement and
// the reference solution must pass them all, on every run (the checks use GC, so 3 runs each).
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { runChecks } from '../../src/exercises/checker';
import { loadCatalog } from '../../src/lessons/catalog';

const LESSONS_DIR = path.resolve(__dirname, '..', '..', '..', 'lessons');
const RUNS = 3;
const catalog = loadCatalog(LESSONS_DIR);
const check = (checksFile: string, solutionFile: string) => runChecks({ nodeCommand: process.execPath, checksFile, solutionFile, timeoutMs: 30_000 });

describe('exercises', () => {
  it('there are exercises for smart-cache and exercise-registry', () => {
    const withExercise = catalog.lessons.filter((l) => l.exercise).map((l) => l.id);
    for (const id of ['smart-cache', 'exercise-registry']) assert.ok(withExercise.includes(id), `${id} has no exercise (have: ${withExercise.join(', ')})`);
  });

  for (const lesson of catalog.lessons.filter((l) => l.exercise)) {
    const { starter, solution, checks } = lesson.exercise!;
    describe(lesson.id, function () {
      this.timeout(RUNS * 60_000);

      it(`the starter fails at least one check (${RUNS} runs)`, async () => {
        for (let run = 1; run <= RUNS; run++) {
          const report = await check(checks, starter);
          assert.equal(report.error, undefined, `run ${run}: ${report.error}`);
          assert.ok(report.results.length >= 3, `run ${run}: only ${report.results.length} checks`);
          assert.ok(report.results.some((r) => !r.passed), `run ${run}: the starter passed every check`);
          assert.ok(report.results.every((r) => r.requirement.length > 10), 'each check states its requirement');
        }
      });

      it(`the reference solution passes every check (${RUNS} runs)`, async () => {
        for (let run = 1; run <= RUNS; run++) {
          const report = await check(checks, solution);
          assert.equal(report.error, undefined, `run ${run}: ${report.error}`);
          assert.deepEqual(report.results.filter((r) => !r.passed).map((r) => `${r.id}: ${r.message}`), [], `run ${run}`);
        }
      });
    });
  }
});
