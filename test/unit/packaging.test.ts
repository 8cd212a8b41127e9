// What the VSIX would contain (`vsce ls`, the same file list `vsce package` uses): the bundle,
// lessons, snippets, rule pages, README, LICENSE and icon, and none of the sources or tests.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');

describe('the VSIX contents', function () {
  this.timeout(60_000);
  it('ship what the extension needs and nothing else', () => {
    const r = spawnSync(
      process.execPath,
      [path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'ls', '--no-dependencies'],
      { cwd: ROOT, encoding: 'utf8' },
    );
    assert.equal(r.status, 0, r.stderr);
    const files = r.stdout
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    for (const needed of [
      'package.json',
      'package.nls.json',
      'l10n/bundle.l10n.json',
      'README.md',
      'LICENSE',
      'media/icon.png',
      'media/activity.svg',
      'media/lessonView.js',
      'media/lessonView.css',
      'media/walkthrough/run.svg',
      'dist/extension.js',
      'dist/lintWorker.js',
      'dist/memoryPreload.js',
      'media/memoryView.js',
      'media/memoryView.css',
      'snippets/javascript.json',
      'snippets/typescript.json',
      'lessons/01-intro/lesson.json',
      'lessons/13-exercise-registry/exercise/checks.js',
      'docs/rules/unsafe-deref.md',
    ]) {
      assert.ok(files.includes(needed), `${needed} is missing from the VSIX`);
    }
    const unwanted = files.filter(
      (f) =>
        /^(src|test|out|scripts|node_modules|\.cache|\.ci|test-results)\//.test(f) ||
        f.endsWith('.ts') ||
        f.endsWith('.map') ||
        f.endsWith('.vsix'),
    );
    assert.deepEqual(unwanted, []);
  });
});
