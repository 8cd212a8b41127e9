// Fills the shared rule tables (test/rules/*.cases.ts) with what the engine does today: the `ts` marks
// (espree cannot parse the case), each invalid case's `output` (its fixes) and every error's
// `suggestions`. It records behaviour, it does not judge it: review the diff it prints (changed
// outputs go to stderr) before committing. Run after `npm run compile`: node scripts/fill-rule-tables.cjs
const fs = require('fs');
const path = require('path');
const ROOT = path.resolve(__dirname, '..');
const espree = require(path.join(ROOT, 'node_modules/espree'));
const { analyze } = require(path.join(ROOT, 'out/src/analysis/index.js'));
const { applyEdits, applyFixes } = require(path.join(ROOT, 'out/test/unit/rules/ruleTester.js'));
function parses(code) {
  for (const sourceType of ['module', 'commonjs']) {
    try {
      espree.parse(code, { ecmaVersion: 'latest', sourceType });
      return true;
    } catch {}
  }
  return false;
}
const q = JSON.stringify;
for (const rule of ['unsafe-deref', 'invalid-weak-target', 'register-holds-target', 'weak-target-unreachable']) {
  const file = path.join(ROOT, 'test/rules', `${rule}.cases.ts`);
  const src = fs.readFileSync(file, 'utf8');
  const header = src.slice(0, src.indexOf('export const cases'));
  const { cases } = require(path.join(ROOT, 'out/test/rules', `${rule}.cases.js`));
  const out = [header + 'export const cases: RuleCases = {', '  valid: ['];
  for (const c of cases.valid) {
    const o = typeof c === 'string' ? { code: c } : { ...c };
    if (!parses(o.code)) o.ts = true;
    const keys = Object.keys(o);
    if (keys.length === 1) out.push(`    ${q(o.code)},`);
    else out.push(`    { ${keys.map((k) => `${k}: ${q(o[k])}`).join(', ')} },`);
  }
  out.push('  ],', '  invalid: [');
  for (const c of cases.invalid) {
    const found = analyze(c.code, c.filename ?? 'test.ts').filter((f) => f.rule === rule);
    out.push('    {', `      code: ${q(c.code)},`);
    if (c.filename) out.push(`      filename: ${q(c.filename)},`);
    if (c.name) out.push(`      name: ${q(c.name)},`);
    if (!parses(c.code)) out.push('      ts: true,');
    if (c.tscDiffers) out.push(`      tscDiffers: ${q(c.tscDiffers)},`);
    out.push('      errors: [');
    c.errors.forEach((e, i) => {
      const f = found[i];
      const sugg = f
        ? f.fixes
            .filter((x) => x.kind === 'suggestion')
            .map((x) => ({ desc: x.title, output: applyEdits(c.code, x.edits) }))
        : [];
      const parts = [`message: ${q(e.message)}`, `line: ${e.line}`, `column: ${e.column}`];
      if (e.endLine !== undefined) parts.push(`endLine: ${e.endLine}`);
      parts.push(`endColumn: ${e.endColumn}`);
      if (e.severity) parts.push(`severity: ${q(e.severity)}`);
      if (sugg.length)
        parts.push(`suggestions: [${sugg.map((s) => `{ desc: ${q(s.desc)}, output: ${q(s.output)} }`).join(', ')}]`);
      out.push(`        { ${parts.join(', ')} },`);
    });
    out.push('      ],');
    const fixes = found.map((f) => f.fixes.find((x) => x.kind === 'fix')).filter(Boolean);
    const output = fixes.length ? applyFixes(c.code, fixes) : undefined;
    if (output !== c.output && !(output === undefined && c.output === null))
      console.error(`${rule}: ${q(c.code)}\n   was ${q(c.output)}\n   now ${q(output)}`);
    if (output !== undefined) out.push(`      output: ${q(output)},`);
    else if (c.output === null) out.push('      output: null,');
    out.push('    },');
  }
  out.push('  ],', '};', '');
  fs.writeFileSync(file, out.join('\n'));
}
