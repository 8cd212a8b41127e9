// What the package scripts share: running a step (stopping on failure) and packing one of
// packages/<name> into an installable tarball in the repository's root.
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

export function run(cmd, args, cwd, label) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (r.status !== 0) {
    console.error(`${label}: ${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
    process.exit(1);
  }
  return r.stdout;
}

/** npm pack of packages/<name> (with the project's LICENSE); prints its size, then its path last. */
export function packFolder(name) {
  const dir = join(ROOT, 'packages', name);
  copyFileSync(join(ROOT, 'LICENSE'), join(dir, 'LICENSE'));
  const packed = JSON.parse(run(npm, ['pack', '--json', '--pack-destination', ROOT], dir, `package ${name}`));
  const { filename, size, unpackedSize } = packed[0];
  const version = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
  console.log(
    `${name} ${version}: ${(size / 1024).toFixed(1)} KB packed, ${(unpackedSize / 1024).toFixed(1)} KB unpacked`,
  );
  console.log(join(ROOT, filename));
}
