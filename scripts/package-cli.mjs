// npm run package:cli: builds weakref-lint (the CLI and the engine bundle its workers load) from
// src/ into packages/weakref-lint/dist and writes its installable tarball (npm pack) into this
// folder. Prints the tarball's path on the last line.
import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { packFolder, ROOT, run } from './pack-folder.mjs';

const PKG = join(ROOT, 'packages', 'weakref-lint');
// `weakref-lint --version` prints the version the bundle was built with (the project's).
const version = (dir) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
if (version(PKG) !== version(ROOT)) {
  console.error(
    `package:cli: packages/weakref-lint is version ${version(PKG)} but the project is ${version(ROOT)}; make them equal`,
  );
  process.exit(1);
}
run(process.execPath, ['esbuild.mjs', '--production', '--only=cli,lintWorker,lintWorkerEntry'], ROOT, 'package:cli');
rmSync(join(PKG, 'dist'), { recursive: true, force: true });
mkdirSync(join(PKG, 'dist'));
for (const file of ['cli.js', 'lintWorkerEntry.js', 'lintWorker.js']) {
  copyFileSync(join(ROOT, 'dist', file), join(PKG, 'dist', file));
}
packFolder('weakref-lint');
