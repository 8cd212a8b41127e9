// The learner's language picks the version of an exercise, and checkVariant runs that version's
// checker: the real registry exercise, checked in a real python3 and node (no stand-ins).
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { checkVariant, exerciseLanguages, exerciseVariant } from '../../src/exercises/variant';
import { allPassed } from '../../src/exercises/types';
import { loadCatalog } from '../../src/lessons/catalog';
import { buildNodeInvocation } from '../../src/runner/nodeCommand';
import { buildPythonInvocation } from '../../src/runner/pythonCommand';

const LESSONS_DIR = path.resolve(__dirname, '..', '..', '..', 'lessons');
const TIMEOUT_MS = 30_000;
const catalog = loadCatalog(LESSONS_DIR);
const registry = catalog.lessons.find((l) => l.id === 'exercise-registry')!.exercise!;
const cache = catalog.lessons.find((l) => l.id === 'smart-cache')!.exercise!;

describe('the version of an exercise the learner works on', function () {
  this.timeout(4 * TIMEOUT_MS);

  it('is the Python one for a Python learner where there is one, else the JavaScript one', () => {
    assert.deepEqual(exerciseLanguages(registry), ['javascript', 'python']);
    assert.deepEqual(exerciseLanguages(cache), ['javascript']);
    const py = exerciseVariant(registry, 'python');
    assert.equal(py.language, 'python');
    assert.equal(py.extension, '.py');
    assert.equal(py.checks, registry.python!.checks);
    assert.deepEqual(py.hints, registry.python!.hints);
    assert.notDeepEqual(py.hints, registry.hints, 'the Python hints are their own');
    assert.equal(py.hints.length, registry.hints.length);
    const js = exerciseVariant(registry, 'javascript');
    assert.equal(js.language, 'javascript');
    assert.equal(js.starter, registry.starter);
    const fallback = exerciseVariant(cache, 'python');
    assert.equal(fallback.language, 'javascript');
    assert.equal(fallback.extension, '.js');
    assert.equal(fallback.checks, cache.checks);
  });

  it("is checked by its own language's checker: the Python starter fails with reasons, the Python solution passes", async () => {
    const py = exerciseVariant(registry, 'python');
    const starter = await checkVariant(py, buildPythonInvocation('python3', py.starter), py.starter, TIMEOUT_MS);
    assert.equal(starter.error, undefined, starter.error);
    assert.equal(starter.results.length, 6, JSON.stringify(starter));
    const failed = starter.results.filter((r) => !r.passed);
    assert.ok(failed.length >= 1 && failed.every((r) => r.message), JSON.stringify(failed));
    // The requirements are the Python ones (checks.py says None where checks.js says undefined).
    assert.ok(starter.results.some((r) => /None/.test(r.requirement)));
    const solution = await checkVariant(py, buildPythonInvocation('python3', py.solution), py.solution, TIMEOUT_MS);
    assert.ok(allPassed(solution), JSON.stringify(solution));
  });

  it('is checked in node for JavaScript', async () => {
    const js = exerciseVariant(registry, 'javascript');
    const solution = await checkVariant(js, buildNodeInvocation('node', [], js.solution), js.solution, TIMEOUT_MS);
    assert.ok(allPassed(solution), JSON.stringify(solution));
    assert.ok(!solution.results.some((r) => /None/.test(r.requirement)));
  });
});
