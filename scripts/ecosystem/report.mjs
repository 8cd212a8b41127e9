// The ecosystem check's report, as Markdown: what was linted, what was found and how it was
// judged, where the linters disagree or the triage is out of date, and how long each step took.
import { VERDICTS } from './triage.mjs';

const n = (x) => x.toLocaleString('en-US');

export function report(r) {
  const out = [];
  const byLang = (lang) => r.files.filter((f) => f.lang === lang);
  const sites = (fs) => fs.reduce((s, f) => s + f.sites, 0);
  out.push('## Ecosystem check', '');
  out.push(
    `- Sources: ${r.corpus.npm.length} npm packages, ${r.corpus.debian.length} Debian Python packages, ` +
      `CPython's standard library (${r.corpus.stdlib.package} ${r.corpus.stdlib.version})`,
  );
  for (const lang of ['javascript', 'typescript', 'python']) {
    const fs = byLang(lang);
    out.push(`- ${lang}: ${n(fs.length)} files, ${n(sites(fs))} weak-API sites`);
  }
  out.push(
    `- Not linted by weakref-lint: ${r.cli.notices.length} files` +
      (r.cli.notices.length ? ` (${[...new Set(r.cli.notices.map((x) => x.message))].slice(0, 3).join('; ')})` : ''),
  );
  out.push(
    `- Compared: ${n(r.allJsFiles.length)} JavaScript files; ESLint and oxlint linted the ${n(r.jsFiles.length)} that name a weak API (ESLint could not parse ${r.eslint.unparsed.length})`,
  );
  out.push(
    '',
    '| rule | findings | ' + VERDICTS.join(' | ') + ' | untriaged |',
    '| --- | --- |' + ' --- |'.repeat(VERDICTS.length + 1),
  );
  const verdictOf = new Map(r.triage.entries.map((e) => [e.finding, e.verdict]));
  for (const rule of r.rules) {
    const fs = r.withKeys.filter((f) => f.rule === rule);
    const count = (v) => fs.filter((f) => verdictOf.get(f.key) === v).length;
    const untriaged = fs.filter((f) => !VERDICTS.includes(verdictOf.get(f.key))).length;
    out.push(`| ${rule} | ${fs.length} | ${VERDICTS.map(count).join(' | ')} | ${untriaged} |`);
  }
  out.push(
    '',
    `Time (wall / CPU): ${Object.entries(r.times)
      .map(([k, v]) => `${k} ${v.wall.toFixed(1)} s / ${v.cpu.toFixed(1)} s`)
      .join(', ')}`,
  );
  const section = (title, lines) => {
    if (lines.length === 0) return;
    out.push('', `### ${title} (${lines.length})`, ...lines.slice(0, 200).map((l) => `- ${l}`));
    if (lines.length > 200) out.push(`- … and ${lines.length - 200} more`);
  };
  section('The linters disagree', r.disagreements);
  section('oxlint reported something else (a parse error hides findings)', r.ox.other);
  section('New findings (triage them in test/ecosystem/triage.json; --update adds them)', r.diff.added);
  section('Gone findings (triaged, no longer found)', r.diff.gone);
  section('Untriaged findings', r.diff.untriaged);
  section(
    'ESLint could not parse',
    r.eslint.unparsed.map((u) => `${u.file}: ${u.message}`),
  );
  return out.join('\n');
}
