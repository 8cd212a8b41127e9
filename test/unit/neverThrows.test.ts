// The engine never throws: every .js/.ts file in this project's node_modules (tens of thousands
// of real files, minified bundles and odd syntax included) is linted, and any exception, or
// any error the engine caught and swallowed, fails the test with the file that caused it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../src/analysis/index';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const MAX_SIZE = 1_000_000; // the extension's default weakrefLessons.lint.maxFileSize
const LINTABLE = /\.(js|mjs|cjs|jsx|ts|mts|cts|tsx)$/;

function* walk(dir: string): Generator<string> {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) yield* walk(full);
    else if (e.isFile() && LINTABLE.test(e.name)) yield full;
  }
}

describe('the engine never throws', function () {
  this.timeout(15 * 60_000);

  it('on every .js/.ts file under node_modules', () => {
    const failures: string[] = [];
    let linted = 0;
    let parsed = 0;
    let findings = 0;
    for (const file of walk(path.join(ROOT, 'node_modules'))) {
      const stat = fs.statSync(file);
      if (stat.size > MAX_SIZE) continue;
      const text = fs.readFileSync(file, 'utf8');
      linted++;
      try {
        const result = analyze(text, file, { onInternalError: (e: unknown) => failures.push(`${file}: swallowed ${String((e as Error)?.stack ?? e).split('\n').slice(0, 3).join(' | ')}`) });
        if (/WeakRef|WeakMap|WeakSet|FinalizationRegistry|deref/.test(text)) parsed++;
        findings += result.length;
      } catch (e) {
        failures.push(`${file}: threw ${String((e as Error)?.message ?? e)}`);
      }
    }
    console.log(`      linted ${linted} files (${parsed} mention a weak API), ${findings} findings`);
    assert.ok(linted > 10_000, `only ${linted} files found: is node_modules installed?`);
    assert.deepEqual(failures.slice(0, 20), []);
  });
});
