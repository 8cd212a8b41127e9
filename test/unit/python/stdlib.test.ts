// Never throws: every .py file of the machine's Python standard library (site-packages
// excluded) is linted with 0 internal errors. Files that mention weakref go through the public
// entry; a sample of the others is forced through the parser and rules too, to stress them on
// code that has no finding to give. Needs python3 (to find the library); skipped, and counted,
// without it.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzePython } from '../../../src/analysis/index';
import { analyzePythonTree } from '../../../src/analysis/python/analyze';
import { parsePython } from '../../../src/analysis/python/tree';
import type { Finding } from '../../../src/analysis/types';

function stdlibDir(): string | undefined {
  const r = spawnSync('python3', ['-c', 'import sysconfig; print(sysconfig.get_paths()["stdlib"])'], {
    encoding: 'utf8',
  });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

function pyFiles(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'site-packages' || e.name === '__pycache__') continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) pyFiles(p, out);
    else if (e.isFile() && e.name.endsWith('.py')) out.push(p);
  }
  return out;
}

describe('Python: the standard library never makes the linter throw', function () {
  this.timeout(300_000);
  const dir = stdlibDir();
  before(function () {
    if (!dir || !fs.existsSync(dir)) {
      console.log(
        '      skipped: python3 is not installed, so there is no standard library to lint (install python3 from Debian)',
      );
      this.skip();
    }
  });

  it('lints every .py file with 0 exceptions, and counts the findings', () => {
    const files = pyFiles(dir!).sort();
    assert.ok(files.length > 1000, `only ${files.length} files under ${dir}`);
    const errors: string[] = [];
    const byRule = new Map<string, number>();
    const sample: string[] = [];
    let linted = 0;
    let forced = 0;
    files.forEach((file, i) => {
      let text: string;
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch {
        return;
      }
      const onInternalError = (e: unknown) => errors.push(`${file}: ${(e as Error)?.stack ?? String(e)}`);
      let findings: Finding[];
      try {
        findings = analyzePython(text, { onInternalError });
        // Every 25th file without "weakref" is also run through the whole engine.
        if (!text.includes('weakref') && i % 25 === 0) {
          analyzePythonTree(text, parsePython(text), { onInternalError });
          forced++;
        }
      } catch (e) {
        errors.push(`${file}: threw ${(e as Error)?.stack ?? String(e)}`);
        return;
      }
      linted++;
      for (const f of findings) {
        byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
        sample.push(
          `${path.relative(dir!, file)}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.rule}: ${f.message}`,
        );
      }
    });
    const total = [...byRule.values()].reduce((a, b) => a + b, 0);
    console.log(
      `      stdlib: ${files.length} files, ${linted} linted (+${forced} forced through the rules without the pre-check), ${errors.length} exceptions, ${total} findings ${JSON.stringify(Object.fromEntries(byRule))}`,
    );
    if (process.env.WEAKREF_STDLIB_VERBOSE) console.log(sample.join('\n'));
    assert.deepEqual(errors.slice(0, 5), []);
  });
});
