// `npm run --silent lessons [-- --json] [--dir <lessons folder>]`: lets lesson authors check
// their work. Problems go to stderr and make the exit code 1; the catalogue goes to stdout.
import * as path from 'path';
import { loadCatalog } from './catalog';
import { TOPIC_IDS } from './topics';

function main(argv: string[]): number {
  const json = argv.includes('--json');
  const dirIndex = argv.indexOf('--dir');
  const lessonsDir = path.resolve(dirIndex >= 0 && argv[dirIndex + 1] ? argv[dirIndex + 1] : path.join(__dirname, '..', 'lessons'));
  const unknown = argv.filter((a, i) => a !== '--json' && a !== '--dir' && argv[i - 1] !== '--dir');
  if (unknown.length) {
    process.stderr.write(`lessons: unknown argument ${unknown[0]}\nusage: npm run --silent lessons -- [--json] [--dir <lessons folder>]\n`);
    return 2;
  }
  const root = path.dirname(lessonsDir);
  const catalog = loadCatalog(lessonsDir);
  const rel = (p: string) => path.relative(root, p).split(path.sep).join('/');

  for (const err of catalog.errors) {
    process.stderr.write(`${rel(err.dir)}: not loaded\n${err.problems.map((p) => `  - ${p}\n`).join('')}`);
  }
  if (json) {
    const data = catalog.lessons.map((l) => ({
      id: l.id,
      title: l.title,
      topics: l.topics,
      examples: l.examples.map((e) => ({ id: e.id, language: e.language, file: rel(e.file), expectFailure: e.expectFailure !== undefined })),
    }));
    process.stdout.write(JSON.stringify(data, null, 2) + '\n');
  } else {
    for (const l of catalog.lessons) {
      const count = (language: string) => l.examples.filter((e) => e.language === language).length;
      process.stdout.write(`${String(l.order).padStart(2)}  ${l.id.padEnd(22)} ${l.title}  (${count('javascript')} JavaScript, ${count('python')} Python example(s)${l.exercise ? ', exercise' : ''})\n`);
    }
    const covered = new Set(catalog.lessons.flatMap((l) => l.topics));
    const missing = TOPIC_IDS.filter((t) => !covered.has(t));
    process.stdout.write(`\n${catalog.lessons.length} lessons loaded, ${catalog.errors.length} with problems; topics not yet covered: ${missing.length ? missing.join(', ') : 'none'}\n`);
  }
  return catalog.errors.length ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
