// Each rule's doc page ships in the VSIX, links to the lesson its definition names (one that exists
// and teaches it), and lists the rule's messages as its definition words them.
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

    it(`${rule.docs} lists each of the rule's messages with its kind and text`, () => {
      const text = fs.readFileSync(path.join(ROOT, rule.docs), 'utf8');
      const section = /^## Messages\n([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(text)?.[1];
      assert.ok(section, 'no "## Messages" section');
      const rows = [...section.matchAll(/^\| `([^`]+)` \| ([^|]+?) \| (.+?) \|$/gm)].map((m) => [m[1], m[2], m[3]]);
      const expected = Object.entries(rule.messages).map(([messageId, template]) => [
        messageId,
        rule.fixes.includes(messageId)
          ? 'fix title'
          : rule.suggestions.includes(messageId)
            ? 'suggestion title'
            : 'finding',
        template.text,
      ]);
      assert.deepEqual(rows, expected);
    });
  }
});
