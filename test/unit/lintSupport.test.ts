// The linter's host-side helpers: settings, the suppression edit, and the CLI's arguments,
// folder walking and output formats.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from '../../src/cli/args';
import { fingerprints, lineAt } from '../../src/cli/fingerprint';
import { formatJson, formatSarif, formatStylish, formatText, sarifUri, type CliFinding } from '../../src/cli/format';
import { collectFiles } from '../../src/cli/walk';
import { MAX_LINT_FILE_SIZE } from '../../src/linting/limits';
import { readLintSettings } from '../../src/linting/settings';
import { disableForLineEdit } from '../../src/linting/disableEdit';

const apply = (text: string, e: { start: number; end: number; newText: string }) =>
  text.slice(0, e.start) + e.newText + text.slice(e.end);

describe('lint settings', () => {
  it('reads severities per rule, accepting the weakref/ prefix, and reports what it ignores', () => {
    const values: Record<string, unknown> = {
      'lint.enable': true,
      'lint.maxFileSize': 500,
      'lint.rules': {
        'weakref/unsafe-deref': 'error',
        'invalid-weak-target': 'off',
        bogus: 'error',
        'register-holds-target': 'loud',
      },
    };
    const s = readLintSettings((k) => values[k]);
    assert.equal(s.enabled, true);
    assert.equal(s.maxFileSize, 500);
    assert.deepEqual(s.options.rules, { 'unsafe-deref': 'error', 'invalid-weak-target': 'off' });
    assert.equal(s.problems.length, 2);
  });

  it('caps lint.maxFileSize (a workspace could otherwise set 1 TB), as package.json does, and says so', () => {
    const s = readLintSettings((k) => (k === 'lint.maxFileSize' ? 1e12 : undefined));
    assert.equal(s.maxFileSize, MAX_LINT_FILE_SIZE);
    assert.match(s.problems.join('\n'), /at most 10000000 bytes/);
    assert.equal(
      readLintSettings((k) => (k === 'lint.maxFileSize' ? MAX_LINT_FILE_SIZE : undefined)).problems.length,
      0,
    );
    const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'package.json'), 'utf8'));
    assert.equal(
      manifest.contributes.configuration.properties['weakrefLessons.lint.maxFileSize'].maximum,
      MAX_LINT_FILE_SIZE,
    );
    // Restricted Mode ignores a workspace's value of a restricted setting.
    assert.ok(
      manifest.capabilities.untrustedWorkspaces.restrictedConfigurations.includes('weakrefLessons.lint.maxFileSize'),
    );
  });

  it('falls back to defaults on junk', () => {
    const s = readLintSettings((k) => ({ 'lint.enable': 'yes', 'lint.maxFileSize': -1, 'lint.rules': ['x'] })[k]);
    assert.equal(s.enabled, true);
    assert.equal(s.maxFileSize, 1_000_000);
    assert.deepEqual(s.options.rules, {});
    assert.equal(s.problems.length, 3); // lint.enable "yes" is reported too
    assert.equal(readLintSettings((k) => (k === 'lint.enable' ? false : undefined)).enabled, false);
  });
});

describe('"Disable weakref/<id> for this line"', () => {
  it('inserts the comment above the line with its indentation', () => {
    const text = 'function f(r) {\n  return r.deref().x;\n}\n';
    assert.equal(
      apply(text, disableForLineEdit(text, 1, 'unsafe-deref')),
      'function f(r) {\n  // weakref-lint-disable-next-line unsafe-deref\n  return r.deref().x;\n}\n',
    );
  });

  it('adds to an existing comment instead of stacking a second one, and keeps CRLF', () => {
    const text = 'a();\r\n\t// weakref-lint-disable-next-line unsafe-deref\r\n\tb();\r\n';
    assert.equal(
      apply(text, disableForLineEdit(text, 2, 'invalid-weak-target')),
      'a();\r\n\t// weakref-lint-disable-next-line unsafe-deref, invalid-weak-target\r\n\tb();\r\n',
    );
    assert.equal(apply(text, disableForLineEdit(text, 2, 'unsafe-deref')), text);
    const crlf = 'x();\r\ny();';
    assert.equal(
      apply(crlf, disableForLineEdit(crlf, 1, 'unsafe-deref')),
      'x();\r\n// weakref-lint-disable-next-line unsafe-deref\r\ny();',
    );
  });

  it('works on the first line and clamps a line past the end', () => {
    assert.equal(
      apply('x();', disableForLineEdit('x();', 0, 'unsafe-deref')),
      '// weakref-lint-disable-next-line unsafe-deref\nx();',
    );
    assert.equal(
      apply('x();', disableForLineEdit('x();', 9, 'unsafe-deref')),
      '// weakref-lint-disable-next-line unsafe-deref\nx();',
    );
  });
});

describe('weakref-lint arguments', () => {
  it('parses formats, rules and paths', () => {
    const r = parseArgs([
      '--format',
      'sarif',
      '--rule',
      'unsafe-deref=error',
      '--rule=weakref/invalid-weak-target=off',
      'src',
      '--',
      '--odd-name.js',
    ]);
    assert.ok(r.ok === true);
    assert.equal(r.args.format, 'sarif');
    assert.deepEqual(r.args.rules, { 'unsafe-deref': 'error', 'invalid-weak-target': 'off' });
    assert.deepEqual(r.args.paths, ['src', '--odd-name.js']);
  });

  it('says what is wrong with bad usage', () => {
    const cases: [string[], RegExp][] = [
      [[], /no files/],
      [['--format', 'xml', 'a'], /--format must be/],
      [['--rule', 'nope=error', 'a'], /unknown rule "nope"/],
      [['--rule', 'unsafe-deref=loud', 'a'], /must be off, info, warning or error/],
      [['--rule', 'unsafe-deref', 'a'], /expects <id>=<severity>/],
      [['--frobnicate', 'a'], /unknown option --frobnicate/],
    ];
    for (const [argv, message] of cases) {
      const r = parseArgs(argv);
      assert.ok(r.ok === false, JSON.stringify(argv));
      assert.match(r.error, message);
    }
    assert.deepEqual(parseArgs(['--help']), { ok: 'help' });
  });

  it('parses --max-warnings (-1: no limit), --quiet, and text as the older name of unix', () => {
    const r = parseArgs(['--max-warnings', '3', '--quiet', '-f', 'text', 'a']);
    assert.ok(r.ok === true);
    assert.deepEqual([r.args.maxWarnings, r.args.quiet, r.args.format], [3, true, 'unix']);
    const d = parseArgs(['a']);
    assert.ok(d.ok === true);
    assert.deepEqual([d.args.maxWarnings, d.args.quiet, d.args.format], [undefined, false, 'stylish']);
    const n = parseArgs(['--max-warnings', '-1', 'a']);
    assert.ok(n.ok === true);
    assert.equal(n.args.maxWarnings, Infinity);
    for (const bad of ['x', '1.5', '-2', '']) {
      const b = parseArgs([`--max-warnings=${bad}`, 'a']);
      assert.ok(b.ok === false, bad);
      assert.match(b.error, /--max-warnings expects a number/);
    }
    // After --, -1 is a path.
    const p = parseArgs(['--', '--max-warnings', '-1']);
    assert.ok(p.ok === true);
    assert.deepEqual(p.args.paths, ['--max-warnings', '-1']);
  });
});

describe('weakref-lint folder walking', () => {
  it('finds every lintable extension, skips node_modules, dot-folders and .d.ts, and names unreadable inputs', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weakref-walk-'));
    try {
      const files = [
        'a.js',
        'b.mjs',
        'c.cjs',
        'd.jsx',
        'e.ts',
        'f.mts',
        'g.cts',
        'h.tsx',
        'sub dir/i.js',
        'node_modules/x.js',
        '.git/y.js',
        'types.d.ts',
        'readme.md',
      ];
      for (const f of files) {
        fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
        fs.writeFileSync(path.join(dir, f), '');
      }
      const r = collectFiles([dir, path.join(dir, 'a.js'), path.join(dir, 'missing.js')]);
      assert.deepEqual(
        r.files.map((f) => path.relative(dir, f.path)),
        ['a.js', 'b.mjs', 'c.cjs', 'd.jsx', 'e.ts', 'f.mts', 'g.cts', 'h.tsx', path.join('sub dir', 'i.js')],
      );
      // a.js was also named, but the walk found it first: linted once, as a file of the folder.
      assert.equal(r.files[0].named, false);
      assert.equal(r.notices.length, 1);
      assert.deepEqual([r.notices[0].kind, r.notices[0].severity], ['unreadable', 'error']);
      assert.match(r.notices[0].message, /no such file/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('weakref-lint output formats', () => {
  const findings: CliFinding[] = [
    {
      file: 'src/a b.js',
      line: 3,
      column: 11,
      endLine: 3,
      endColumn: 19,
      rule: 'invalid-weak-target',
      severity: 'error',
      message: 'boom',
    },
    {
      file: 'src/c.ts',
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 5,
      rule: 'unsafe-deref',
      severity: 'warning',
      message: 'maybe',
    },
  ];

  it('text: one line per finding and a summary', () => {
    const text = formatText(findings);
    assert.match(text, /^src\/a b\.js:3:11: error: boom \[weakref\/invalid-weak-target\]$/m);
    assert.match(text, /2 problems \(1 errors, 1 warnings, 0 info\)/);
    assert.equal(formatText([]), 'No problems found.\n');
  });

  it('stylish: grouped by file, columns aligned, then a summary', () => {
    const more: CliFinding[] = [
      ...findings,
      {
        file: 'src/c.ts',
        line: 12,
        column: 3,
        endLine: 12,
        endColumn: 4,
        rule: 'weak-key-held-by-value',
        severity: 'info',
        message: 'note',
      },
    ];
    assert.equal(
      formatStylish(more),
      [
        '',
        'src/a b.js',
        '  3:11  error  boom  weakref/invalid-weak-target',
        '',
        'src/c.ts',
        '  1:1   warning  maybe  weakref/unsafe-deref',
        '  12:3  info     note   weakref/weak-key-held-by-value',
        '',
        '\u2716 3 problems (1 errors, 1 warnings, 1 info)',
        '',
      ].join('\n'),
    );
    assert.equal(formatStylish([]), 'No problems found.\n');
  });

  it('json: exactly the fields docs/weakref-lint.md lists, in order', () => {
    const parsed = JSON.parse(formatJson(findings)) as Record<string, unknown>[];
    assert.deepEqual(Object.keys(parsed[0]), [
      'file',
      'line',
      'column',
      'endLine',
      'endColumn',
      'rule',
      'severity',
      'message',
    ]);
    assert.equal(parsed[1].rule, 'unsafe-deref');
  });

  it('sarif: a 2.1.0 log with rules, levels, regions and relative URIs under %SRCROOT%', () => {
    const rules = [
      {
        id: 'unsafe-deref',
        description: 'd',
        defaultSeverity: 'warning' as const,
        helpUri: 'https://x/unsafe-deref.md',
      },
      { id: 'invalid-weak-target', description: 'i', defaultSeverity: 'error' as const, helpUri: 'https://x/i.md' },
    ];
    const log = JSON.parse(formatSarif(findings, rules, '1.2.3', path.resolve('/repo')));
    assert.equal(log.version, '2.1.0');
    assert.match(log.$schema, /sarif-2\.1\.0/);
    const run = log.runs[0];
    assert.equal(run.tool.driver.name, 'weakref-lint');
    assert.deepEqual(
      run.tool.driver.rules.map((r: { id: string }) => r.id),
      ['unsafe-deref', 'invalid-weak-target'],
    );
    const [first, second] = run.results;
    assert.equal(first.level, 'error');
    assert.equal(second.level, 'warning');
    assert.equal(first.ruleIndex, 1);
    assert.deepEqual(first.locations[0].physicalLocation.region, {
      startLine: 3,
      startColumn: 11,
      endLine: 3,
      endColumn: 19,
    });
    assert.equal(first.locations[0].physicalLocation.artifactLocation.uri, 'src/a%20b.js');
    assert.equal(first.locations[0].physicalLocation.artifactLocation.uriBaseId, '%SRCROOT%');
    assert.equal(run.originalUriBaseIds['%SRCROOT%'].uri, 'file:///repo/');
    assert.equal(sarifUri('/elsewhere/x.js', '/repo'), 'file:///elsewhere/x.js');
    assert.equal(sarifUri('/else where/#x%.js', '/repo'), 'file:///else%20where/%23x%25.js');
    assert.match(first.partialFingerprints['weakrefLint/v1'], /^[0-9a-f]{32}:0$/);
  });

  it('sarif fingerprints: stable when lines move or are re-indented, distinct per rule, file and repeated line', () => {
    const base = { rule: 'unsafe-deref', uri: 'src/a.js', lineText: 'x.deref().y;' };
    const [a] = fingerprints([base]);
    assert.deepEqual(fingerprints([{ ...base, lineText: '    x.deref().y;  ' }]), [a]);
    const others = fingerprints([
      { ...base, rule: 'invalid-weak-target' },
      { ...base, uri: 'src/b.js' },
      { ...base, lineText: 'z.deref().y;' },
    ]);
    for (const o of others) assert.notEqual(o, a);
    const [one, two] = fingerprints([base, base]);
    assert.equal(one, a);
    assert.notEqual(two, one);
    assert.match(two, /:1$/);
    assert.equal(lineAt('a\r\nbb\nccc', 2), 'bb');
    assert.equal(lineAt('a\r\nbb\nccc', 1), 'a');
    assert.equal(lineAt('a\nbb\nccc', 3), 'ccc');
    assert.equal(lineAt('a', 5), '');
  });
});
