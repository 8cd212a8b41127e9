// The Python version of an exercise is graded like the JavaScript one: the starter fails at least
// one requirement, the reference solution passes them all, on every run; and the checker cannot be
// fooled by what the learner's code prints, nor hung by an endless loop.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runPythonChecks } from '../../src/exercises/pythonChecker';
import { loadCatalog } from '../../src/lessons/catalog';
import { readPid, waitGone } from '../support/processes';

const LESSONS_DIR = path.resolve(__dirname, '..', '..', '..', 'lessons');
const RUNS = 3;
const TIMEOUT_MS = 30_000;
const PYTHON = process.env.WEAKREF_PYTHON || 'python3';
const catalog = loadCatalog(LESSONS_DIR);

const made: string[] = [];
after(() => made.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
function learnerFile(source: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'py learner '));
  made.push(dir);
  const file = path.join(dir, 'solution.py');
  fs.writeFileSync(file, source);
  return file;
}

describe('Python exercises', () => {
  it('the registry exercise has a Python version', () => {
    assert.ok(catalog.lessons.find((l) => l.id === 'exercise-registry')?.exercise?.python);
  });

  for (const lesson of catalog.lessons.filter((l) => l.exercise?.python)) {
    const { starter, solution, checks } = lesson.exercise!.python!;
    const run = (file: string, timeoutMs = TIMEOUT_MS) => runPythonChecks({ pythonCommand: PYTHON, checksFile: checks, solutionFile: file, timeoutMs });

    describe(lesson.id, function () {
      this.timeout(RUNS * 2 * TIMEOUT_MS);

      it(`the starter fails at least one check, saying why (${RUNS} runs)`, async () => {
        for (let i = 1; i <= RUNS; i++) {
          const report = await run(starter);
          assert.equal(report.error, undefined, `run ${i}: ${report.error}\n${report.output ?? ''}`);
          assert.ok(report.results.length >= 5, `run ${i}: only ${report.results.length} checks`);
          assert.ok(report.results.some((r) => !r.passed), `run ${i}: the starter passed every check`);
          for (const r of report.results.filter((x) => !x.passed)) assert.ok(r.message && r.message.length > 5, `${r.id} failed without saying why`);
        }
      });

      it(`the reference solution passes every check (${RUNS} runs)`, async () => {
        for (let i = 1; i <= RUNS; i++) {
          const report = await run(solution);
          assert.equal(report.error, undefined, `run ${i}: ${report.error}\n${report.output ?? ''}`);
          assert.deepEqual(report.results.filter((r) => !r.passed).map((r) => `${r.id}: ${r.message}`), [], `run ${i}`);
          assert.equal(report.output, undefined, `run ${i}: the solution printed something:\n${report.output}`);
        }
      });

      it('is not fooled by a learner file that prints fake results on stdout and stderr', async () => {
        const fake = ['checks', 'start', 'result', 'done'].map((t) => JSON.stringify({ t, i: 0, passed: true })).join('\n');
        const report = await run(learnerFile(`import sys\nprint(${JSON.stringify(fake)})\nsys.stderr.write(${JSON.stringify(fake)})\n` + fs.readFileSync(starter, 'utf8')));
        assert.ok(report.results.some((r) => !r.passed), 'printed results were taken for real ones');
        assert.match(report.output ?? '', /"passed": ?true/);
      });

      it('stops an endless loop at the time limit and says which check was running', async () => {
        const report = await run(learnerFile('while True:\n    pass\n'), 3_000);
        assert.match(report.error ?? '', /did not finish within 3 s/);
        assert.match(report.results[0]?.message ?? '', /endless loop/);
      });

      it('leaves no process behind: a detached child of the learner\'s file dies with the check', async function () {
        if (process.platform !== 'linux') this.skip();
        const pidFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'py orphan ')), 'pid');
        made.push(path.dirname(pidFile));
        // A new session, so the child leaves the check's process group; then the file hangs. The
        // child writes the pid the system sees (/proc/self): in a PID namespace p.pid is the namespace's.
        const child = `import os, time\nopen(${JSON.stringify(pidFile)}, "w").write(os.readlink("/proc/self"))\ntime.sleep(60)\n`;
        const source = `import subprocess, sys\nsubprocess.Popen([sys.executable, "-c", ${JSON.stringify(child)}], start_new_session=True)\nwhile True:\n    pass\n`;
        const report = await run(learnerFile(source), 3_000);
        assert.match(report.error ?? '', /did not finish within 3 s/);
        const pid = await readPid(pidFile);
        assert.ok(await waitGone(pid), `the learner's detached child ${pid} outlived the check`);
      });

      it('reports a learner file that does not even import', async () => {
        const report = await run(learnerFile('def broken(:\n'));
        assert.equal(report.error, undefined);
        assert.ok(report.results.every((r) => !r.passed));
        assert.match(report.results[0].message ?? '', /SyntaxError/);
      });
    });
  }
});
