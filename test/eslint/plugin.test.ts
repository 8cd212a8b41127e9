// The plugin inside ESLint's Linter: which tree the engine ran on under each parser, ESLint's
// own disable comments, and the plugin's shape (configs, meta, rule docs).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Linter } from 'eslint';
import { analyze } from '../../src/analysis/javascript/analyze';
import { RULES } from '../../src/analysis/ruleMeta';
import { analyzeForEslint, type FileAnalysis } from '../../src/eslint/sharedAnalysis';
import { createPlugin, NOT_ANALYSED } from '../../src/eslint/plugin';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const tsParser = require('@typescript-eslint/parser') as object;
const ROOT = path.resolve(__dirname, '..', '..', '..');
const plugin = createPlugin();
const CODE = 'const ref = new WeakRef(obj);\nref.deref().name;\nconst ws = new WeakSet();\nws.add("k");\n';

/** Lints with the recommended config plus a probe rule that reads the shared analysis. */
function lint(
  code: string,
  filename: string,
  parser?: object,
): { messages: Linter.LintMessage[]; analysis?: FileAnalysis } {
  let analysis: FileAnalysis | undefined;
  const probe = {
    create(context: { sourceCode: never; filename: string }) {
      return {
        'Program:exit'() {
          analysis = analyzeForEslint(context.sourceCode, context.filename);
        },
      };
    },
  };
  const config = [
    plugin.configs.recommended as Linter.Config,
    {
      files: ['**/*.js', '**/*.ts'],
      plugins: { probe: { rules: { probe } } },
      rules: { 'probe/probe': 'error' },
      ...(parser ? { languageOptions: { parser } } : {}),
    } as unknown as Linter.Config,
  ];
  const messages = new Linter().verify(code, config, { filename });
  return { messages, analysis };
}

describe('eslint-plugin-weakref in ESLint', () => {
  it("parses once itself under espree, and reuses typescript-eslint's TypeScript tree", () => {
    const a = lint(CODE, 'a.js');
    const b = lint(CODE, 'b.ts', tsParser);
    assert.equal(a.analysis?.source, 'parsed');
    assert.equal(b.analysis?.source, 'reused');
    const summary = (m: Linter.LintMessage[]) =>
      m.map((x) => `${x.ruleId} ${x.line}:${x.column}-${x.endLine}:${x.endColumn}`);
    assert.deepEqual(summary(a.messages), ['weakref/unsafe-deref 2:1-2:12', 'weakref/invalid-weak-target 4:8-4:11']);
    assert.deepEqual(summary(b.messages), summary(a.messages));
  });

  it("words each finding as the engine does: ESLint renders the rule's message from the same id and data", () => {
    const code = `${CODE}const reg = new FinalizationRegistry(() => {});\nreg.register(obj, obj);\nnew WeakRef({});\n`;
    const engine = analyze(code, 'd.js').map((f) => `weakref/${f.rule} ${f.range.start.line + 1} ${f.message}`);
    const eslint = lint(code, 'd.js').messages.map((m) => `${m.ruleId} ${m.line} ${m.message}`);
    assert.equal(engine.length, 4);
    assert.deepEqual(eslint, engine);
  });

  it("honours ESLint's own disable comments", () => {
    const code =
      'const ref = new WeakRef(obj);\n// eslint-disable-next-line weakref/unsafe-deref\nref.deref().name;\nref.deref().other; /* eslint-disable-line weakref/unsafe-deref */ ref.deref().x;\nref.deref().last;\n';
    const { messages } = lint(code, 'c.js');
    assert.deepEqual(
      messages.map((m) => `${m.ruleId} ${m.line}`),
      ['weakref/unsafe-deref 5'],
    );
  });

  it('recommended turns every rule on at its default severity, and meta names the package', () => {
    const expected = Object.fromEntries(
      RULES.filter((r) => r.languages.includes('javascript')).map((r) => [
        `weakref/${r.id}`,
        r.defaultSeverity === 'error' ? 'error' : 'warn',
      ]),
    );
    assert.deepEqual(plugin.configs.recommended.rules, expected);
    assert.deepEqual(plugin.configs['recommended-type-checked'].rules, expected);
    assert.equal(plugin.configs['recommended-type-checked'].languageOptions?.parserOptions.projectService, true);
    const pkg = JSON.parse(
      fs.readFileSync(path.join(ROOT, 'packages', 'eslint-plugin-weakref', 'package.json'), 'utf8'),
    );
    assert.equal(plugin.meta.name, pkg.name);
    // ESLint lints JavaScript: the Python-only rules (weak-key-held-by-value, weak-callable-as-callback) are not offered.
    assert.deepEqual(
      Object.keys(plugin.rules).sort(),
      RULES.filter((r) => r.languages.includes('javascript'))
        .map((r) => r.id)
        .sort(),
    );
    assert.ok(!('weak-key-held-by-value' in plugin.rules));
    assert.ok(!('weak-callable-as-callback' in plugin.rules));
  });

  it("each rule's docs.url is its page in the repository the package names, and the page exists", () => {
    const pkg = JSON.parse(
      fs.readFileSync(path.join(ROOT, 'packages', 'eslint-plugin-weakref', 'package.json'), 'utf8'),
    );
    const repo = (pkg.repository.url as string).replace(/^git\+/, '').replace(/\.git$/, '');
    for (const [id, rule] of Object.entries(plugin.rules)) {
      assert.equal(rule.meta.docs.url, `${repo}/blob/main/docs/rules/${id}.md`);
      assert.ok(fs.existsSync(path.join(ROOT, 'docs', 'rules', `${id}.md`)), `docs/rules/${id}.md is missing`);
      // One option, the same for every rule: maxFileSize, as the CLI's --max-file-size.
      assert.deepEqual(Object.keys((rule.meta.schema[0] as { properties: object }).properties), ['maxFileSize']);
      assert.equal(rule.meta.type, 'problem');
    }
    assert.equal(plugin.rules['unsafe-deref'].meta.fixable, 'code');
    assert.equal(plugin.rules['invalid-weak-target'].meta.hasSuggestions, true);
  });

  // A file the plugin could not analyse must say so through ESLint, as the CLI and the editor do:
  // a process warning alone is hidden by NODE_NO_WARNINGS and `eslint -f json` showed 0 messages.
  it('a file nested too deeply to analyse gets one message saying so, not silence', () => {
    const code = `${'if (a) {\n'.repeat(1300)}new WeakRef(1);\n${'}\n'.repeat(1300)}`;
    const saved = process.emitWarning.bind(process);
    process.emitWarning = () => {};
    let messages: Linter.LintMessage[];
    try {
      messages = lint(code, 'deep.js').messages;
    } finally {
      process.emitWarning = saved;
    }
    const why = messages.filter((m) => m.messageId === NOT_ANALYSED);
    assert.equal(why.length, 1, JSON.stringify(messages));
    assert.match(why[0].message, /not linted: the code is nested too deeply/);
    assert.equal(why[0].line, 1);
  });

  it('maxFileSize (the CLI default, 1,000,000 bytes) leaves a larger file out with one message', () => {
    const config = (options?: object) => [
      {
        files: ['**/*.js'],
        plugins: { weakref: plugin },
        rules: Object.fromEntries(
          Object.keys(plugin.rules).map((id) => [`weakref/${id}`, ['error', ...(options ? [options] : [])]]),
        ),
      } as unknown as Linter.Config,
    ];
    const small = new Linter().verify(CODE, config({ maxFileSize: 10 }), { filename: 'a.js' });
    assert.deepEqual(
      small.map((m) => [m.messageId, m.message]),
      [[NOT_ANALYSED, `weakref: this file was not linted: it is larger than maxFileSize (${CODE.length} > 10 bytes)`]],
    );
    assert.equal(new Linter().verify(CODE, config(), { filename: 'a.js' }).length, 2);
    const big = `${CODE}${' '.repeat(1_000_000)}`;
    assert.deepEqual(
      new Linter().verify(big, config(), { filename: 'a.js' }).map((m) => m.messageId),
      [NOT_ANALYSED],
    );
  });

  // espree reads `<!--` as a comment with sourceType "script" or "commonjs" and as `< ! --` with
  // "module"; the plugin follows it, and does not reuse typescript-eslint's tree, which reads it as code.
  it('an HTML-like comment hides the code after it under sourceType script or commonjs, not module', () => {
    const code = 'const m = new WeakMap();\nlet x = 1, y = 2;\nx <!--y; m.set("k", 1);\nm.set("j", 2);\n';
    const lines = (sourceType: string, filename = 'a.js', parser?: object) =>
      new Linter()
        .verify(
          code,
          [
            plugin.configs.recommended as Linter.Config,
            { files: ['**/*.js', '**/*.cjs'], languageOptions: { sourceType, ...(parser ? { parser } : {}) } },
          ] as Linter.Config[],
          { filename },
        )
        .map((m) => `${m.ruleId}@${m.line}:${m.column}`);
    assert.deepEqual(lines('script'), ['weakref/invalid-weak-target@4:7']);
    assert.deepEqual(lines('commonjs', 'a.cjs'), ['weakref/invalid-weak-target@4:7']);
    assert.deepEqual(lines('script', 'a.js', tsParser), ['weakref/invalid-weak-target@4:7']);
    assert.deepEqual(lines('module'), ['weakref/invalid-weak-target@3:16', 'weakref/invalid-weak-target@4:7']);
  });

  it("each rule's meta is its definition's: description, the messages a JavaScript check can report, fixable, hasSuggestions", () => {
    for (const def of RULES.filter((r) => r.languages.includes('javascript'))) {
      const { meta } = plugin.rules[def.id];
      assert.equal(meta.docs.description, def.description);
      const javascriptMessages = Object.entries(def.messages).filter(([, m]) =>
        (m.languages as readonly string[]).includes('javascript'),
      );
      assert.deepEqual(meta.messages, {
        ...Object.fromEntries(javascriptMessages.map(([id, m]) => [id, m.text])),
        [NOT_ANALYSED]: 'weakref: this file was not linted: {{why}}',
      });
      assert.ok(Object.keys(meta.messages).length - 1 < Object.keys(def.messages).length || def.languages.length === 1);
      assert.equal(meta.fixable, def.fixes.length > 0 ? 'code' : undefined);
      assert.equal(meta.hasSuggestions, def.suggestions.length > 0 ? true : undefined);
    }
  });
});
