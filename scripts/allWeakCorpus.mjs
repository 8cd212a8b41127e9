// The all-weak-API corpus of the bench: real files, each given a line that uses WeakRef,
// shared by scripts/bench.mjs and scripts/compare-parse-fronts.mjs so both measure the same files.
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Copies `count` real .js files from `source` (a node_modules) into `dir`, each with a line that uses WeakRef
 * first (after a #! line), so no text pre-check can skip any of them. Returns how many were written.
 */
export function allWeakCorpus(source, dir, count) {
  const picked = [];
  const walk = (d) => {
    let entries;
    try {
      entries = fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    } catch {
      return;
    }
    for (const e of entries) {
      if (picked.length >= count) return;
      const full = path.join(d, e.name);
      if (e.isDirectory() && !e.name.startsWith('.')) walk(full);
      else if (e.isFile() && /\.c?js$/.test(e.name)) {
        const size = fs.statSync(full).size;
        if (size > 1_000 && size < 200_000) picked.push(full);
      }
    }
  };
  walk(source);
  const weakLine = 'const benchRef = new WeakRef({ at: 0 });\n';
  picked.forEach((f, i) => {
    const text = fs.readFileSync(f, 'utf8');
    const hashbang = text.startsWith('#!') ? text.slice(0, text.indexOf('\n') + 1) : '';
    fs.writeFileSync(path.join(dir, `f${i}.js`), hashbang + weakLine + text.slice(hashbang.length));
  });
  return picked.length;
}
