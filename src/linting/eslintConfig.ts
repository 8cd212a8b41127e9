// weakrefLessons.lint.enable: "auto": does ESLint lint this file with eslint-plugin-weakref?
// Judged as ESLint's flat config lookup finds its config: the first eslint.config.* walking up
// from the file's folder; it counts if its text names the plugin. Pure: no `vscode`.
import * as fs from 'fs';
import * as path from 'path';

export const ESLINT_CONFIG_NAMES = [
  'eslint.config.js',
  'eslint.config.mjs',
  'eslint.config.cjs',
  'eslint.config.ts',
  'eslint.config.mts',
  'eslint.config.cts',
];

/** The config file that names eslint-plugin-weakref and applies to `file`, or undefined. */
export function eslintConfigWithPlugin(
  file: string,
  readFile: (p: string) => string | undefined = readIfExists,
): string | undefined {
  let dir = path.dirname(path.resolve(file));
  for (;;) {
    for (const name of ESLINT_CONFIG_NAMES) {
      const candidate = path.join(dir, name);
      const text = readFile(candidate);
      // The nearest config is the one ESLint uses: if it does not name the plugin, nothing further up counts.
      if (text !== undefined) return text.includes('eslint-plugin-weakref') ? candidate : undefined;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function readIfExists(p: string): string | undefined {
  try {
    return fs.readFileSync(p, 'utf8');
  } catch {
    return undefined;
  }
}
