// Lessons are code: every example runs several times (JavaScript under `node --expose-gc`, Python
// under CPython's python3) and must print exactly what its lesson promises, every time.
// GC-dependent ones run 10 times so flakiness shows. Every JavaScript example also runs under V8's
// GC stress flags, which collect at moments a quiet run never does: an example whose output
// depends on when the collector runs fails there.
import * as assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadCatalog, normalizeOutput } from '../../src/lessons/catalog';
import type { LessonExample } from '../../src/lessons/types';

const LESSONS_DIR = path.resolve(__dirname, '..', '..', '..', 'lessons');
const RUNS = 3;
const GC_RUNS = 10;
const CONCURRENCY = Math.max(2, os.cpus().length);

/** Node 24 comes with the real-VS-Code tools; when it is there the examples must hold on it too. */
const NODE24 = path.join(os.homedir(), '.cache', 'weakref-lessons', 'node24', 'node_modules', 'node', 'bin', 'node');
/**
 * Incremental marking started at every allocation step, a full collection every 100 allocations,
 * and objects moved at every collection. Several times slower, so fewer runs than the quiet ones.
 */
const GC_STRESS_FLAGS = ['--stress-incremental-marking', '--gc-interval=100', '--stress-compaction'];
const STRESS_RUNS = 3;
const nodes = [
  { name: `node ${process.version}`, path: process.execPath, args: ['--expose-gc'], runs: (e: LessonExample) => (e.gcDependent ? GC_RUNS : RUNS) },
  { name: `node ${process.version} under GC stress`, path: process.execPath, args: ['--expose-gc', ...GC_STRESS_FLAGS], runs: () => STRESS_RUNS },
];
if (process.env.WEAKREF_LESSONS_CACHE || fs.existsSync(NODE24)) {
  const p = process.env.WEAKREF_LESSONS_CACHE ? path.join(process.env.WEAKREF_LESSONS_CACHE, 'node24/node_modules/node/bin/node') : NODE24;
  if (fs.existsSync(p)) nodes.push({ name: 'node 24', path: p, args: ['--expose-gc'], runs: () => RUNS });
}

/** CPython for the Python examples: $WEAKREF_PYTHON, or python3 from PATH. */
const PYTHON = process.env.WEAKREF_PYTHON || 'python3';
const MIN_PYTHON: [number, number] = [3, 8];

function probePython(): { ok: true; version: string } | { ok: false; reason: string } {
  try {
    const out = execFileSync(PYTHON, ['-c', 'import sys, platform; print(platform.python_implementation(), *sys.version_info[:3])'], { encoding: 'utf8', timeout: 20_000 }).trim();
    const [impl, major, minor, micro] = out.split(' ');
    if (impl !== 'CPython') return { ok: false, reason: `${PYTHON} is ${impl}; the Python examples' output is checked on CPython` };
    if (Number(major) < MIN_PYTHON[0] || (Number(major) === MIN_PYTHON[0] && Number(minor) < MIN_PYTHON[1]))
      return { ok: false, reason: `${PYTHON} is Python ${major}.${minor}; the lessons need ${MIN_PYTHON.join('.')} or later` };
    return { ok: true, version: `${major}.${minor}.${micro}` };
  } catch (e) {
    return { ok: false, reason: `cannot run ${PYTHON}: ${(e as Error).message.split('\n')[0]}` };
  }
}

interface RunOutcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runExample(command: string, args: string[], file: string): Promise<RunOutcome> {
  return new Promise((resolve) => {
    execFile(command, [...args, file], { cwd: path.dirname(file), timeout: 30_000, maxBuffer: 4 << 20, env: { ...process.env, WEAKREF_CHART_FILE: '' } }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? ((err as { code: number }).code) : null) : 0;
      resolve({ code, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

async function runMany(command: string, args: string[], file: string, runs: number): Promise<RunOutcome[]> {
  const results: RunOutcome[] = [];
  for (let i = 0; i < runs; i += CONCURRENCY) {
    const batch = Array.from({ length: Math.min(CONCURRENCY, runs - i) }, () => runExample(command, args, file));
    results.push(...(await Promise.all(batch)));
  }
  return results;
}

/** The "Name: message" line of an uncaught error's stack, as node prints it. */
function uncaughtJsError(stderr: string): { type: string; message: string } | undefined {
  const m = /^(?:Uncaught )?([A-Za-z]*Error)(?: \[[A-Z_]+\])?: (.*)$/m.exec(stderr);
  return m ? { type: m[1], message: m[2] } : undefined;
}

/** The last line of a Python traceback: "ExceptionName: message" (the name may be dotted). */
function uncaughtPythonError(stderr: string): { type: string; message: string } | undefined {
  if (!/^Traceback \(most recent call last\):$/m.test(stderr)) return undefined;
  const last = stderr.trimEnd().split('\n').pop() ?? '';
  const m = /^([A-Za-z_][\w.]*): (.*)$/.exec(last);
  return m ? { type: m[1].split('.').pop()!, message: m[2] } : undefined;
}

function checkOutcomes(example: LessonExample, outcomes: RunOutcome[], runs: number): void {
  outcomes.forEach((o, i) => {
    const where = `${example.relativeFile}, run ${i + 1} of ${runs}`;
    assert.equal(normalizeOutput(o.stdout), example.expectedOutput, `${where}: stdout differs from the .out file\n--- stderr:\n${o.stderr}`);
    if (example.expectFailure) {
      assert.notEqual(o.code, 0, `${where}: expected to throw ${example.expectFailure.errorType}, but exited 0`);
      const err = example.language === 'python' ? uncaughtPythonError(o.stderr) : uncaughtJsError(o.stderr);
      assert.ok(err, `${where}: expected an uncaught ${example.expectFailure.errorType}; stderr was:\n${o.stderr}`);
      assert.equal(err.type, example.expectFailure.errorType, `${where}: wrong error type`);
      assert.ok(err.message.includes(example.expectFailure.messageIncludes), `${where}: message "${err.message}" lacks "${example.expectFailure.messageIncludes}"`);
    } else {
      assert.equal(o.code, 0, `${where}: exited with ${o.code}\n--- stderr:\n${o.stderr}`);
    }
  });
}

const catalog = loadCatalog(LESSONS_DIR);

describe('lesson examples', () => {
  it('every lesson folder loads', () => {
    assert.deepEqual(
      catalog.errors.map((e) => `${e.folder}: ${e.problems.join('; ')}`),
      [],
    );
  });

  const hasPython = catalog.lessons.some((l) => l.examples.some((e) => e.language === 'python'));
  const python = hasPython ? probePython() : undefined;
  if (python) {
    // Not a skip: a machine without CPython would otherwise pass without checking any Python example.
    it(`has CPython ${MIN_PYTHON.join('.')}+ to run the Python examples`, () => {
      assert.ok(python.ok, `${python.ok ? '' : python.reason}. Install it with \`apt-get install python3\` (Debian/Ubuntu), or set WEAKREF_PYTHON to a CPython 3.8+ interpreter.`);
    });
  }

  for (const lesson of catalog.lessons) {
    describe(`${lesson.id}`, () => {
      for (const example of lesson.examples) {
        if (example.language === 'python') {
          if (!python?.ok) continue; // reported once, above
          // CPython frees at refcount zero and the examples call gc.collect(): 3 runs suffice.
          const runs = RUNS;
          it(`${example.id} prints what the lesson says (${runs} runs, python ${python.version})`, async function () {
            this.timeout(runs * 30_000);
            // -X utf8 -E: the same output whatever the locale or PYTHON* variables of the machine.
            checkOutcomes(example, await runMany(PYTHON, ['-X', 'utf8', '-E'], example.file, runs), runs);
          });
          continue;
        }
        for (const node of nodes) {
          const runs = node.runs(example);
          it(`${example.id} prints what the lesson says (${runs} runs, ${node.name})`, async function () {
            this.timeout(runs * 30_000);
            checkOutcomes(example, await runMany(node.path, node.args, example.file, runs), runs);
          });
        }
      }
    });
  }
});
