// npm run package:eslint-plugin: builds eslint-plugin-weakref from src/ and writes its installable
// tarball (npm pack) into this folder. Prints the tarball's path on the last line.
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const PKG = join(ROOT, 'packages', 'eslint-plugin-weakref');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(cmd, args, cwd) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (r.status !== 0) {
    console.error(`package:eslint-plugin: ${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
    process.exit(1);
  }
  return r.stdout;
}

run(process.execPath, ['esbuild.mjs', '--production', '--only=eslint-plugin', ...process.argv.slice(2)], ROOT);
copyFileSync(join(ROOT, 'LICENSE'), join(PKG, 'LICENSE'));
const packed = JSON.parse(run(npm, ['pack', '--json', '--pack-destination', ROOT], PKG));
const { filename, size, unpackedSize } = packed[0];
const version = JSON.parse(readFileSync(join(PKG, 'package.json'), 'utf8')).version;
console.log(
  `eslint-plugin-weakref ${version}: ${(size / 1024).toFixed(1)} KB packed, ${(unpackedSize / 1024).toFixed(1)} KB unpacked`,
);
console.log(join(ROOT, filename));
