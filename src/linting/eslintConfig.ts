// weakrefLessons.lint.enable: "auto": does ESLint lint this file with eslint-plugin-weakref?
// Judged as ESLint's flat config lookup finds its config: the first eslint.config.* walking up
// from the file's folder; it counts if its text names the plugin. The configs are the
// workspace's files, so they are read as untrusted (readBounded: a regular file, at most
// MAX_CONFIG_BYTES, off the extension host's thread). Pure: no `vscode`.
import * as path from 'path';
import { readBounded, type BoundedRead } from '../files/readBounded';

export const ESLINT_CONFIG_NAMES = [
  'eslint.config.js',
  'eslint.config.mjs',
  'eslint.config.cjs',
  'eslint.config.ts',
  'eslint.config.mts',
  'eslint.config.cts',
];

/** Far above any real flat config; a larger one is not searched for the plugin's name. */
export const MAX_CONFIG_BYTES = 1_000_000;

/**
 * The config file that names eslint-plugin-weakref and applies to `file`, or undefined. A nearest
 * config that cannot be read as a small regular file (a link to a device, a FIFO, huge) gives
 * undefined: the extension then lints the file itself, so nothing is hidden.
 */
export async function eslintConfigWithPlugin(
  file: string,
  read: (p: string, maxBytes: number) => Promise<BoundedRead> = readBounded,
): Promise<string | undefined> {
  let dir = path.dirname(path.resolve(file));
  for (;;) {
    for (const name of ESLINT_CONFIG_NAMES) {
      const candidate = path.join(dir, name);
      const r = await read(candidate, MAX_CONFIG_BYTES);
      if (!r.ok && r.reason === 'missing') continue;
      // The nearest config is the one ESLint uses: if it does not name the plugin, nothing further up counts.
      return r.ok && r.text.includes('eslint-plugin-weakref') ? candidate : undefined;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
