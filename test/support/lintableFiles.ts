// Every lintable file under a folder, node_modules included (the CLI's walk skips them), in a
// stable order; a folder that cannot be read is passed over. For the tests that lint real trees.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LINTABLE } from '../../src/cli/walk';

export function* lintableFilesUnder(dir: string): Generator<string> {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) yield* lintableFilesUnder(full);
    else if (e.isFile() && LINTABLE.test(e.name)) yield full;
  }
}
