// What the memory view costs on the lesson examples: each example runs plainly (node --expose-gc,
// or python3), then instrumented alone (the preload or the recorder, snapshots written but not
// read), then through the whole `weakref-memory --json` (instrumented run plus memlab reading
// the snapshots). Wall time is the median of `runs`; memory is the peak resident set (GNU time's
// %M: the measured process or the largest of its children). Needs `npm run bundle` first.
//   node scripts/memory-overhead.mjs [runs]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { median } from './timing.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const RUNS = Number(process.argv[2] ?? 3);
const { loadCatalog } = await import(join(ROOT, 'out/src/lessons/catalog.js'));
const { PYTHON_RECORDER_SOURCE } = await import(join(ROOT, 'out/src/memory/pythonRecorder.js'));
const examples = loadCatalog(join(ROOT, 'lessons')).lessons.flatMap((l) => l.examples);
const PYTHON = process.env.WEAKREF_PYTHON || 'python3';

/** [seconds, peak KB] of one run under GNU time. */
function timed(command, args, env = {}) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', command, ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  const [s, kb] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
  return [s, kb];
}

function measure(command, args, env) {
  const xs = Array.from({ length: RUNS }, () => timed(command, args, env));
  return { s: median(xs.map((x) => x[0])), mb: median(xs.map((x) => x[1])) / 1024 };
}

const rows = [];
for (const example of examples) {
  const dir = mkdtempSync(join(tmpdir(), 'memory-overhead-'));
  const py = example.language === 'python';
  const recorder = join(dir, 'recorder.py');
  if (py) writeFileSync(recorder, PYTHON_RECORDER_SOURCE);
  const plain = py ? measure(PYTHON, ['-u', example.file]) : measure(process.execPath, ['--expose-gc', example.file]);
  const instrumented = py
    ? measure(PYTHON, ['-u', recorder, join(dir, 'events.jsonl'), example.file])
    : measure(process.execPath, ['--expose-gc', '--require', join(ROOT, 'dist/memoryPreload.js'), example.file], {
        WEAKREF_MEMORY_DIR: dir,
      });
  const full = measure(process.execPath, [join(ROOT, 'dist/memory-cli.js'), '--json', example.file]);
  rmSync(dir, { recursive: true, force: true });
  rows.push({ example: `${example.relativeFile}`, lang: example.language, plain, instrumented, full });
  console.error(
    `${example.file.split('/lessons/')[1]}: plain ${plain.s}s ${plain.mb.toFixed(0)}MB, instrumented ${instrumented.s}s ${instrumented.mb.toFixed(0)}MB, weakref-memory ${full.s}s ${full.mb.toFixed(0)}MB`,
  );
}

for (const lang of ['javascript', 'python']) {
  const r = rows.filter((x) => x.lang === lang);
  const sum = (f) => r.reduce((a, x) => a + f(x), 0);
  const med = (f) => median(r.map(f));
  console.log(
    `${lang}: ${r.length} examples, ${RUNS} runs each. Time, sum of medians: plain ${sum((x) => x.plain.s).toFixed(1)} s, ` +
      `instrumented ${sum((x) => x.instrumented.s).toFixed(1)} s, weakref-memory ${sum((x) => x.full.s).toFixed(1)} s. ` +
      `Per example, median: plain ${med((x) => x.plain.s).toFixed(2)} s, instrumented ${med((x) => x.instrumented.s).toFixed(2)} s, ` +
      `weakref-memory ${med((x) => x.full.s).toFixed(2)} s (slowest ${Math.max(...r.map((x) => x.full.s)).toFixed(1)} s). ` +
      `Peak memory, median: plain ${med((x) => x.plain.mb).toFixed(0)} MB, instrumented ${med((x) => x.instrumented.mb).toFixed(0)} MB, ` +
      `weakref-memory ${med((x) => x.full.mb).toFixed(0)} MB (largest ${Math.max(...r.map((x) => x.full.mb)).toFixed(0)} MB).`,
  );
}
