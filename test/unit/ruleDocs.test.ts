// Each rule's doc page ships in the VSIX, and links to a lesson that exists and teaches it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULE_IDS } from '../../src/analysis/types';
import { loadCatalog } from '../../src/lessons/catalog';

const ROOT = path.resolve(__dirname, '..', '..', '..');
/** The lesson topic each rule is taught in. */
const TAUGHT_IN: Record<string, string> = {
  'unsafe-deref': 'pitfall-dead-refs',
  'invalid-weak-target': 'pitfall-targets',
  'register-holds-target': 'callback-on-collect',
  'weak-target-unreachable': 'observer',
  'weak-key-held-by-value': 'observer',
};

describe('rule documentation', () => {
  const catalog = loadCatalog(path.join(ROOT, 'lessons'));
  for (const id of RULE_IDS) {
    it(`docs/rules/${id}.md exists, is packaged, and links to the lesson that teaches ${id}`, () => {
      const file = path.join(ROOT, 'docs', 'rules', `${id}.md`);
      const text = fs.readFileSync(file, 'utf8');
      assert.match(text, new RegExp(`^# weakref/${id}$`, 'm'));
      const link = /\]\((\.\.\/\.\.\/lessons\/[^)]+\/lesson\.md)\)/.exec(text);
      assert.ok(link, 'no link to a lesson');
      const lessonDir = path.dirname(path.resolve(path.dirname(file), link[1]));
      const lesson = catalog.lessons.find((l) => l.dir === lessonDir);
      assert.ok(lesson, `the link ${link[1]} names no lesson of the catalogue`);
      assert.ok(lesson.topics.includes(TAUGHT_IN[id]), `${lesson.id} does not cover ${TAUGHT_IN[id]}`);
      assert.ok(lesson.markdown.includes(id), `lesson ${lesson.id} never mentions ${id}`);
      const ignore = fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8');
      assert.match(ignore, /^!docs\/rules\/\*\.md$/m);
    });
  }
});
