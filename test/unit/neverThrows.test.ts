// The engine never throws: every .js/.ts file in this project's node_modules (tens of thousands
// of real files, minified bundles and odd syntax included) is linted, and any exception, or
// any error the engine caught and swallowed, fails the test with the file that caused it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyze } from '../../src/analysis/index';
import { lintableFilesUnder } from '../support/lintableFiles';

const ROOT = path.resolve(__dirname, '..', '..', '..');
/** code-server's own node_modules (installed for the real-VS-Code tests) adds tens of thousands more. */
const CODE_SERVER_MODULES = path.join(
  process.env.WEAKREF_LESSONS_CACHE ?? path.join(os.homedir(), '.cache', 'weakref-lessons'),
  'code-server',
  'node_modules',
);
const MAX_SIZE = 1_000_000; // the extension's default weakrefLessons.lint.maxFileSize

describe('the engine never throws', function () {
  this.timeout(15 * 60_000);

  it("on every .js/.ts file under node_modules (and code-server's, when installed)", () => {
    const failures: string[] = [];
    let linted = 0;
    let parsed = 0;
    let findings = 0;
    const samples: string[] = [];
    const roots = [
      path.join(ROOT, 'node_modules'),
      ...(fs.existsSync(CODE_SERVER_MODULES) ? [CODE_SERVER_MODULES] : []),
    ];
    for (const file of roots.flatMap((r) => [...lintableFilesUnder(r)])) {
      const stat = fs.statSync(file);
      if (stat.size > MAX_SIZE) continue;
      const text = fs.readFileSync(file, 'utf8');
      linted++;
      try {
        const result = analyze(text, file, {
          onInternalError: (e: unknown) =>
            failures.push(
              `${file}: swallowed ${String((e as Error)?.stack ?? e)
                .split('\n')
                .slice(0, 3)
                .join(' | ')}`,
            ),
        });
        if (/WeakRef|WeakMap|WeakSet|FinalizationRegistry|deref/.test(text)) parsed++;
        findings += result.length;
        for (const f of result)
          if (samples.length < 15)
            samples.push(`${path.relative(ROOT, file)}:${f.range.start.line + 1}: ${f.rule}: ${f.message}`);
      } catch (e) {
        failures.push(`${file}: threw ${String((e as Error)?.message ?? e)}`);
      }
    }
    console.log(
      `      linted ${linted} files from ${roots.length} trees (${parsed} mention a weak API), ${findings} findings`,
    );
    // Findings in published libraries are worth a look: each one is a true bug or a false alarm.
    for (const s of samples) console.log(`        ${s}`);
    assert.ok(linted > 5_000, `only ${linted} files found: is node_modules installed?`);
    assert.deepEqual(failures.slice(0, 20), []);
  });
});
