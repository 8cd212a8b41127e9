// The extension-host side of the real-VS-Code tests: VS Code loads this file (extensionTestsPath)
// and calls run(). Results leave the host two ways, because the host's environment and
// console are not the same under code-server and under @vscode/test-electron: the counts file
// named by WEAKREF_COUNTS_FILE, and a "weakref-counts:" line on the console.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

/** Runs the mocha files of one folder next to this file (suite/ or restricted/). */
export async function runFolder(folder: string): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: Mocha.reporters.Base });
  if (process.env.WEAKREF_TEST_GREP) mocha.grep(process.env.WEAKREF_TEST_GREP);
  const dir = path.join(__dirname, folder);
  for (const f of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.test.js'))
    .sort())
    mocha.addFile(path.join(dir, f));
  const counts = { passed: 0, failed: 0, pending: 0 };
  await new Promise<void>((resolve) => {
    const runner = mocha.run(() => resolve());
    runner.on('pass', (t) => {
      counts.passed++;
      console.log(`  ✔ ${t.fullTitle()}`);
    });
    runner.on('fail', (t, err: Error) => {
      counts.failed++;
      console.log(
        `  ✗ ${t.fullTitle()}\n    ${String(err?.stack ?? err)
          .split('\n')
          .slice(0, 8)
          .join('\n    ')}`,
      );
    });
    runner.on('pending', () => counts.pending++);
  });
  console.log(`weakref-counts: ${JSON.stringify(counts)}`);
  const file = process.env.WEAKREF_COUNTS_FILE;
  if (file) fs.writeFileSync(file, JSON.stringify(counts));
  if (counts.failed > 0) throw new Error(`${counts.failed} extension-host test(s) failed`);
}

export function run(): Promise<void> {
  return runFolder('suite');
}
