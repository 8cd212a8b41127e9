// Each rule's doc page ships in the VSIX and links to the lesson its definition names (one that
// exists and teaches it). Its messages table is generated (npm run generate).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../src/analysis/ruleMeta';
import { loadCatalog } from '../../src/lessons/catalog';

const ROOT = path.resolve(__dirname, '..', '..', '..');

describe('rule documentation', () => {
  const catalog = loadCatalog(path.join(ROOT, 'lessons'));
  for (const rule of RULES) {
    const id = rule.id;
    it(`${rule.docs} exists, is packaged, and links to the lesson that teaches ${id}`, () => {
      const file = path.join(ROOT, rule.docs);
      const text = fs.readFileSync(file, 'utf8');
      assert.match(text, new RegExp(`^# weakref/${id}$`, 'm'));
      const link = /\]\((\.\.\/\.\.\/lessons\/[^)]+\/lesson\.md)\)/.exec(text);
      assert.ok(link, 'no link to a lesson');
      const lessonDir = path.dirname(path.resolve(path.dirname(file), link[1]));
      const lesson = catalog.lessons.find((l) => l.dir === lessonDir);
      assert.ok(lesson, `the link ${link[1]} names no lesson of the catalogue`);
      assert.ok(lesson.topics.includes(rule.lesson), `${lesson.id} does not cover ${rule.lesson}`);
      assert.ok(lesson.markdown.includes(id), `lesson ${lesson.id} never mentions ${id}`);
      const ignore = fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8');
      assert.match(ignore, /^!docs\/rules\/\*\.md$/m);
    });
  }
});
