// The three linters over the corpus, each reduced to one list of findings
// { file (absolute), line, column, rule } so they can be compared: weakref-lint (dist/cli.js) on
// every source, and the ESLint plugin in ESLint and in oxlint (jsPlugins) on the JavaScript files.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { cleanEnv, run } from './corpus.mjs';

const NOTICE_KINDS = new Set(['not-analysed', 'unreadable', 'skipped']);

/** The rule ids weakref-lint knows, from its own help text (so the check follows whatever rules it has). */
export function cliRules(cli) {
  const help = run(process.execPath, [cli, '--help']);
  const line = /^Rules: (.+)$/m.exec(help);
  if (!line) throw new Error('weakref-lint --help names no rules');
  return line[1].split(/,\s*/);
}

/** weakref-lint over the given folders: its findings and its notices (files it did not lint). */
export function lintWithCli(cli, roots, cwd) {
  // --no-gitignore: an installed package is linted whole, whatever its .gitignore says.
  const out = run(process.execPath, [cli, '--format', 'json', '--no-gitignore', ...roots], {
    cwd,
    okStatuses: [0, 1, 2],
  });
  const entries = JSON.parse(out).map((e) => ({ ...e, file: resolve(cwd, e.file) }));
  return {
    findings: entries.filter((e) => !NOTICE_KINDS.has(e.rule)),
    notices: entries.filter((e) => NOTICE_KINDS.has(e.rule)),
  };
}

/**
 * The plugin in real ESLint (this repository's copy), recommended config. A .js file is parsed
 * as a module, and again as a script when that fails (a CommonJS file may, say, use `with`).
 */
export async function lintWithEslint(root, pluginPath, files) {
  const require = createRequire(join(root, 'package.json'));
  const { ESLint } = require('eslint');
  const plugin = require(pluginPath);
  const make = (sourceType) =>
    new ESLint({
      cwd: '/',
      overrideConfigFile: true,
      ignore: false,
      overrideConfig: [
        {
          files: ['**/*.js', '**/*.mjs', '**/*.cjs', '**/*.jsx'],
          languageOptions: {
            ecmaVersion: 'latest',
            sourceType,
            parserOptions: { ecmaFeatures: { jsx: true } },
          },
          linterOptions: { reportUnusedDisableDirectives: 'off' },
        },
        plugin.configs.recommended,
      ],
    });
  const findings = [];
  const unparsed = [];
  const collect = (results, retry) => {
    for (const r of results) {
      const fatal = r.messages.find((m) => m.fatal);
      if (fatal) {
        if (retry) retry.push(r.filePath);
        else unparsed.push({ file: r.filePath, message: `${fatal.line}:${fatal.column} ${fatal.message}` });
        continue;
      }
      for (const m of r.messages) {
        if (!m.ruleId?.startsWith('weakref/')) continue;
        findings.push({ file: r.filePath, line: m.line, column: m.column, rule: m.ruleId.slice('weakref/'.length) });
      }
    }
  };
  const asScripts = [];
  const modules = make('module');
  for (let i = 0; i < files.length; i += 200) collect(await modules.lintFiles(files.slice(i, i + 200)), asScripts);
  if (asScripts.length > 0) collect(await make('commonjs').lintFiles(asScripts));
  return { findings, unparsed, rules: Object.keys(plugin.configs.recommended.rules) };
}

/** The same plugin in oxlint through jsPlugins, with oxlint's own rules off. */
export function lintWithOxlint(oxlint, configDir, pluginPath, files) {
  const require = createRequire(pluginPath);
  const plugin = require(pluginPath);
  const config = join(configDir, 'oxlintrc.json');
  writeFileSync(
    config,
    JSON.stringify(
      {
        jsPlugins: [pluginPath],
        plugins: [],
        categories: { correctness: 'off' },
        rules: Object.fromEntries(Object.keys(plugin.configs.recommended.rules).map((id) => [id, 'warn'])),
      },
      null,
      2,
    ),
  );
  const findings = [];
  const other = [];
  for (let i = 0; i < files.length; i += 1000) {
    const r = spawnSync(
      oxlint,
      ['--config', config, '--no-ignore', '--format', 'json', '--max-warnings', '1000000', ...files.slice(i, i + 1000)],
      { cwd: '/', encoding: 'utf8', maxBuffer: 1 << 30, env: cleanEnv() },
    );
    if (r.error || ![0, 1].includes(r.status ?? -1)) {
      throw new Error(`oxlint exited ${r.status ?? r.signal}: ${r.error?.message ?? ''}\n${r.stderr.slice(-3000)}`);
    }
    for (const d of JSON.parse(r.stdout).diagnostics) {
      const rule = /^weakref\((.+)\)$/.exec(d.code ?? '')?.[1];
      const span = d.labels?.[0]?.span;
      if (rule && span) findings.push({ file: resolve('/', d.filename), line: span.line, column: span.column, rule });
      else other.push({ file: resolve('/', d.filename), message: `${d.code ?? ''} ${d.message}`.trim() });
    }
  }
  return { findings, other };
}
