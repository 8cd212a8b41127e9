// Lessons are code: every example runs under `node --expose-gc` several times and must print
// exactly what its lesson promises, every time. GC-dependent ones run 10 times so flakiness shows.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
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
const nodes = [{ name: `node ${process.version}`, path: process.execPath, runs: (e: LessonExample) => (e.gcDependent ? GC_RUNS : RUNS) }];
if (process.env.WEAKREF_LESSONS_CACHE || fs.existsSync(NODE24)) {
  const p = process.env.WEAKREF_LESSONS_CACHE ? path.join(process.env.WEAKREF_LESSONS_CACHE, 'node24/node_modules/node/bin/node') : NODE24;
  if (fs.existsSync(p)) nodes.push({ name: 'node 24', path: p, runs: () => RUNS });
}

interface RunOutcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runExample(nodePath: string, file: string): Promise<RunOutcome> {
  return new Promise((resolve) => {
    execFile(nodePath, ['--expose-gc', file], { cwd: path.dirname(file), timeout: 30_000, maxBuffer: 4 << 20, env: { ...process.env, WEAKREF_CHART_FILE: '' } }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? ((err as { code: number }).code) : null) : 0;
      resolve({ code, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

async function runMany(nodePath: string, file: string, runs: number): Promise<RunOutcome[]> {
  const results: RunOutcome[] = [];
  for (let i = 0; i < runs; i += CONCURRENCY) {
    const batch = Array.from({ length: Math.min(CONCURRENCY, runs - i) }, () => runExample(nodePath, file));
    results.push(...(await Promise.all(batch)));
  }
  return results;
}

/** The last "Name: message" line of an uncaught error's stack, as node prints it. */
function uncaughtError(stderr: string): { type: string; message: string } | undefined {
  const m = /^(?:Uncaught )?([A-Za-z]*Error)(?: \[[A-Z_]+\])?: (.*)$/m.exec(stderr);
  return m ? { type: m[1], message: m[2] } : undefined;
}

const catalog = loadCatalog(LESSONS_DIR);

describe('lesson examples', () => {
  it('every lesson folder loads', () => {
    assert.deepEqual(
      catalog.errors.map((e) => `${e.folder}: ${e.problems.join('; ')}`),
      [],
    );
  });

  for (const lesson of catalog.lessons) {
    describe(`${lesson.id}`, () => {
      for (const example of lesson.examples) {
        for (const node of nodes) {
          const runs = node.runs(example);
          it(`${example.id} prints what the lesson says (${runs} runs, ${node.name})`, async function () {
            this.timeout(runs * 30_000);
            const outcomes = await runMany(node.path, example.file, runs);
            outcomes.forEach((o, i) => {
              const where = `${example.relativeFile}, run ${i + 1} of ${runs}`;
              assert.equal(normalizeOutput(o.stdout), example.expectedOutput, `${where}: stdout differs from the .out file\n--- stderr:\n${o.stderr}`);
              if (example.expectFailure) {
                assert.notEqual(o.code, 0, `${where}: expected to throw ${example.expectFailure.errorType}, but exited 0`);
                const err = uncaughtError(o.stderr);
                assert.ok(err, `${where}: expected an uncaught ${example.expectFailure.errorType}; stderr was:\n${o.stderr}`);
                assert.equal(err.type, example.expectFailure.errorType, `${where}: wrong error type`);
                assert.ok(err.message.includes(example.expectFailure.messageIncludes), `${where}: message "${err.message}" lacks "${example.expectFailure.messageIncludes}"`);
              } else {
                assert.equal(o.code, 0, `${where}: exited with ${o.code}\n--- stderr:\n${o.stderr}`);
              }
            });
          });
        }
      }
    });
  }
});
