// The lessons check themselves: metadata, example files and topic coverage.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadCatalog } from '../../src/lessons/catalog';
import { TOPIC_IDS } from '../../src/lessons/topics';
import { analyzeFileText } from '../../src/analysis/index';

const LESSONS_DIR = path.resolve(__dirname, '..', '..', '..', 'lessons');
const catalog = loadCatalog(LESSONS_DIR);

describe('curriculum', () => {
  it('covers every topic id of the curriculum', () => {
    const covered = new Set(catalog.lessons.flatMap((l) => l.topics));
    assert.deepEqual(TOPIC_IDS.filter((t) => !covered.has(t)), [], 'topics with no lesson');
  });

  it('has lesson folders named <NN>-<slug> whose order matches the number', () => {
    for (const lesson of catalog.lessons) {
      const folder = path.basename(lesson.dir);
      const m = /^(\d{2})-[a-z0-9-]+$/.exec(folder);
      assert.ok(m, `${folder}: folder name must be NN-slug`);
      assert.equal(Number(m[1]), lesson.order, `${folder}: order ${lesson.order} differs from the folder number`);
    }
  });

  it('references every example file, and every example has its expected output', () => {
    for (const lesson of catalog.lessons) {
      const dir = path.join(lesson.dir, 'examples');
      const onDisk = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => /\.(js|py)$/.test(f)).sort() : [];
      const listed = lesson.examples.map((e) => path.relative(dir, e.file)).sort();
      assert.deepEqual(onDisk, listed, `${lesson.id}: example files on disk vs. listed in lesson.json`);
      for (const e of lesson.examples) assert.ok(e.expectedOutput.length > 0, `${lesson.id}/${e.id}: empty expected output`);
    }
  });

  it('gives every lesson a title, a summary and at least one runnable example or exercise', () => {
    for (const lesson of catalog.lessons) {
      assert.ok(lesson.summary.trim().length > 10, `${lesson.id}: summary missing`);
      assert.ok(lesson.examples.length > 0 || lesson.exercise, `${lesson.id}: nothing to run`);
    }
  });

});

describe('lesson code and the linter agree', () => {
  // Lessons show misuse on purpose; every finding must be one the file admits to by naming the
  // rule (e.g. "weakref/unsafe-deref"), and everything else must lint clean.

  const lessonsCatalog = loadCatalog(path.resolve(__dirname, '..', '..', '..', 'lessons'));
  for (const lesson of lessonsCatalog.lessons) {
    // JavaScript and Python alike: each example is linted by the front end of its language.
    const files = [...lesson.examples.map((e) => e.file), ...(lesson.exercise ? [lesson.exercise.starter, lesson.exercise.solution, lesson.exercise.checks] : [])];
    it(`${lesson.id}: every linter finding in its code is intended and named`, () => {
      const unexplained: string[] = [];
      for (const file of files) {
        const text = fs.readFileSync(file, 'utf8');
        const { findings, failure } = analyzeFileText(text, file);
        if (failure) unexplained.push(`${path.relative(lesson.dir, file)}: not analysed: ${failure.message}`);
        for (const f of findings) {
          if (!text.includes(`weakref/${f.rule}`)) unexplained.push(`${path.relative(lesson.dir, file)}:${f.range.start.line + 1}: ${f.rule}: ${f.message}`);
        }
      }
      assert.deepEqual(unexplained, []);
    });
  }
});
