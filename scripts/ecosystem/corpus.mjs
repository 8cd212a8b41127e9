// The ecosystem corpus on this machine: the pinned npm packages unpacked into the cache folder
// (npm pack, no dependencies: only the packages themselves are linted), and the Debian Python
// packages installed with apt-get when missing. Every source is pinned; a Debian package at
// another version stops the check, since its findings would not be the triaged ones.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** A nested npm must not inherit the npm_config_* of the `npm run` that started us. */
export function cleanEnv() {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
}

export function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 30, env: cleanEnv(), ...options });
  if (r.error || !(options.okStatuses ?? [0]).includes(r.status ?? -1)) {
    throw new Error(
      `${cmd} ${args.slice(0, 8).join(' ')}${args.length > 8 ? ' …' : ''} exited ${r.status ?? r.signal}: ${r.error?.message ?? ''}\n${(r.stderr ?? '').slice(-3000)}`,
    );
  }
  return r.stdout;
}

/** The folder one npm package is unpacked into, under the cache's npm/ folder. */
export const npmFolder = (p) => `${p.name.replace('/', '+')}@${p.version}`;

/** Unpacks every pinned npm package that the cache does not have yet; returns how many it fetched. */
export function fetchNpm(corpus, npmRoot) {
  mkdirSync(npmRoot, { recursive: true });
  const missing = corpus.npm.filter((p) => !existsSync(join(npmRoot, npmFolder(p), 'package.json')));
  if (missing.length === 0) return 0;
  const tmp = mkdtempSync(join(npmRoot, '.fetch-'));
  try {
    const packed = JSON.parse(
      run(
        npm,
        [
          'pack',
          '--json',
          '--ignore-scripts',
          '--loglevel=error',
          '--pack-destination',
          tmp,
          ...missing.map((p) => `${p.name}@${p.version}`),
        ],
        { cwd: tmp },
      ),
    );
    for (const [i, p] of missing.entries()) {
      const entry = packed.find((e) => e.name === p.name && e.version === p.version) ?? packed[i];
      const into = join(tmp, `x${i}`);
      mkdirSync(into);
      // A tarball's single top folder is usually package/, not always: strip whichever it is.
      run('tar', ['-xzf', join(tmp, entry.filename), '-C', into, '--strip-components=1', '--no-same-owner']);
      rmSync(join(npmRoot, npmFolder(p)), { recursive: true, force: true });
      renameSync(into, join(npmRoot, npmFolder(p)));
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return missing.length;
}

function installedVersion(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Version}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout ? r.stdout : undefined;
}

/**
 * The pinned Debian packages: each missing one is installed at its pinned version when we are root
 * with apt-get (as scripts/setup-python.sh does for python3). Returns the problems that stop the check.
 */
export function ensureDebian(corpus, log) {
  const wanted = [corpus.stdlib, ...corpus.debian];
  const missing = wanted.filter((d) => installedVersion(d.package) === undefined);
  if (missing.length > 0) {
    const canInstall = process.getuid?.() === 0 && spawnSync('apt-get', ['--version']).status === 0;
    if (!canInstall) {
      return [
        `missing Debian packages: ${missing.map((d) => d.package).join(' ')}. Run as root: apt-get install --no-install-recommends ${missing.map((d) => `${d.package}=${d.version}`).join(' ')}`,
      ];
    }
    log(`installing ${missing.length} Debian packages: ${missing.map((d) => d.package).join(' ')}`);
    const env = { ...cleanEnv(), DEBIAN_FRONTEND: 'noninteractive' };
    run('apt-get', ['update', '-qq'], { env });
    run(
      'apt-get',
      ['install', '-y', '-qq', '--no-install-recommends', ...missing.map((d) => `${d.package}=${d.version}`)],
      { env },
    );
  }
  return wanted
    .filter((d) => installedVersion(d.package) !== d.version || !existsSync(d.path))
    .map(
      (d) =>
        `${d.package} is ${installedVersion(d.package) ?? 'not installed'} here, the corpus pins ${d.version}` +
        (existsSync(d.path) ? '' : ` (and ${d.path} is missing)`),
    );
}

export function readCorpus(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}
