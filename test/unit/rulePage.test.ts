// The rule page a diagnostic's link opens: each shipped rule document renders with its lesson
// link turned into one that opens the lesson view, under the lesson page's strict CSP.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadCatalog } from '../../src/lessons/catalog';
import { RULE_IDS } from '../../src/analysis/types';
import { ruleDefinition } from '../../src/analysis/ruleMeta';
import { renderRulePage } from '../../src/features/lessonView/rulePage';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const lessons = loadCatalog(path.join(ROOT, 'lessons')).lessons;
const lessonIdOfFolder = (folder: string) => lessons.find((l) => path.basename(l.dir) === folder)?.id;
const res = { cspSource: 'vscode-webview://x', styleUri: 's.css', scriptUri: 'r.js', nonce: 'n0' };

describe('rule pages', () => {
  for (const rule of RULE_IDS) {
    it(`renders ${rule}'s page with a link that opens its lesson in the lesson view`, () => {
      const def = ruleDefinition(rule);
      const html = renderRulePage(fs.readFileSync(path.join(ROOT, def.docs), 'utf8'), lessonIdOfFolder, res);
      assert.match(html, new RegExp(`<h1>weakref/${rule}</h1>`));
      const opened = [...html.matchAll(/data-open-lesson="([^"]+)"/g)].map((m) => m[1]);
      assert.ok(opened.includes(def.lesson), `no link opening lesson ${def.lesson}: ${JSON.stringify(opened)}`);
      assert.doesNotMatch(html, /href="[^"]*lesson\.md"/, 'a lesson link still points at a file');
      assert.match(html, /script-src &#39;nonce-n0&#39;/);
      assert.doesNotMatch(html, /<script>/);
    });
  }
});
