// npm run package:eslint-plugin: builds eslint-plugin-weakref from src/ and writes its installable
// tarball (npm pack) into this folder. Prints the tarball's path on the last line.
import { packFolder, ROOT, run } from './pack-folder.mjs';

run(
  process.execPath,
  ['esbuild.mjs', '--production', '--only=eslint-plugin', ...process.argv.slice(2)],
  ROOT,
  'package:eslint-plugin',
);
packFolder('eslint-plugin-weakref');
