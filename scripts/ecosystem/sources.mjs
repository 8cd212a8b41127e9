// The corpus as sources (one npm package, Debian package or the standard library each), the
// files in them, and how many weak-API sites those files hold (a textual count, for the report).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { npmFolder } from './corpus.mjs';

export const JS_EXTENSIONS = new Set(['.js', '.mjs', '.cjs', '.jsx']);
const TS_EXTENSIONS = new Set(['.ts', '.mts', '.cts', '.tsx']);

export function sources(corpus, npmRoot) {
  return [
    ...corpus.npm.map((p) => ({ id: `npm:${p.name}`, pin: p.version, root: join(npmRoot, npmFolder(p)) })),
    ...corpus.debian.map((d) => ({ id: `debian:${d.package}`, pin: d.version, root: d.path })),
    { id: `stdlib:${corpus.stdlib.package}`, pin: corpus.stdlib.version, root: corpus.stdlib.path },
  ];
}

/** Files weakref-lint would lint in a folder: dot folders and node_modules are not searched. */
function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') && entry.isDirectory()) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') yield* walk(full);
    } else if (entry.isFile()) yield full;
  }
}

export function language(file) {
  if (file.endsWith('.d.ts')) return undefined; // weakref-lint does not lint declaration files
  const ext = extname(file);
  if (JS_EXTENSIONS.has(ext)) return 'javascript';
  if (TS_EXTENSIONS.has(ext)) return 'typescript';
  return ext === '.py' ? 'python' : undefined;
}

const JS_SITE = /\bnew\s+(WeakRef|WeakMap|WeakSet|FinalizationRegistry)\b/g;
const PY_SITE =
  /\b(?:weakref\.(?:ref|proxy|finalize|WeakMethod|WeakValueDictionary|WeakKeyDictionary|WeakSet)|WeakMethod|WeakValueDictionary|WeakKeyDictionary|WeakSet)\s*\(/g;

/** Every lintable file of every source, with its language and weak-API sites. */
export function inventory(list) {
  const files = [];
  for (const source of list) {
    for (const file of walk(source.root)) {
      const lang = language(file);
      if (!lang) continue;
      const size = statSync(file).size;
      const text = size < 5_000_000 ? readFileSync(file, 'utf8') : '';
      const sites = (text.match(lang === 'python' ? PY_SITE : JS_SITE) ?? []).length;
      files.push({ file, source, lang, sites, size });
    }
  }
  return files;
}

/** Where a finding is, independent of the machine: `npm:undici/lib/web/fetch/index.js:10:5 unsafe-deref`. */
export function findingKey(list, f) {
  const source = list.find((s) => f.file === s.root || f.file.startsWith(s.root + sep));
  const where = source ? `${source.id}/${relative(source.root, f.file).split(sep).join('/')}` : f.file;
  return `${where}:${f.line}:${f.column} ${f.rule}`;
}
