// Translations are files, not code changes: the manifest's text is in package.nls.json, every
// message the extension shows goes through vscode.l10n.t (or @vscode/l10n on the lesson page),
// and l10n/bundle.l10n.json is what `npm run l10n` exports from the sources today.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import * as ts from 'typescript';
import { renderExerciseSection } from '../../src/features/lessonView/page';
import type { Lesson } from '../../src/lessons/types';
import { PLACEHOLDER, readJson } from '../support/manifest';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/** The manifest fields VS Code shows to people (displayName, titles, descriptions, alt texts). */
const SHOWN_FIELDS = new Set([
  'displayName',
  'description',
  'markdownDescription',
  'enumDescriptions',
  'title',
  'name',
  'contextualTitle',
  'category',
  'altText',
]);

/** Every string under a shown field, with where it is; ids, paths and commands are not shown text. */
function shownStrings(value: unknown, where: string, field: string | undefined, out: [string, string][]): void {
  if (typeof value === 'string') {
    if (field && SHOWN_FIELDS.has(field)) out.push([where, value]);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => shownStrings(v, `${where}[${i}]`, field, out));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value))
      // Inside a JSON schema, "properties" and "items" name settings, not shown fields.
      shownStrings(v, `${where}.${k}`, k === 'properties' ? undefined : k, out);
  }
}

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => path.join(e.parentPath, e.name));
}

const SHOW_MESSAGE = new Set(['showInformationMessage', 'showWarningMessage', 'showErrorMessage']);

/** Text written in the code: a string or template literal (not a call that returns one). */
const isLiteralText = (n: ts.Node) =>
  ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) || ts.isTemplateExpression(n);

/** Literal text passed to window.show*Message, directly or as an option's `detail`, with its place. */
export function bareMessageStrings(fileName: string, text: string): string[] {
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      SHOW_MESSAGE.has(node.expression.name.text)
    ) {
      for (const arg of node.arguments) {
        const literals = ts.isObjectLiteralExpression(arg)
          ? arg.properties.filter(ts.isPropertyAssignment).map((p) => p.initializer)
          : [arg];
        for (const l of literals.filter(isLiteralText)) {
          const { line } = sf.getLineAndCharacterOfPosition(l.getStart());
          found.push(`${path.relative(ROOT, fileName)}:${line + 1} ${node.expression.name.text}(${l.getText()})`);
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

describe('localization', function () {
  // The export parses every source file with tree-sitter: 17 s on a busy 2-core machine.
  this.timeout(120_000);
  const manifest = readJson('package.json') as Record<string, unknown>;
  const nls = readJson('package.nls.json') as Record<string, string>;

  it("puts every shown string of the manifest in package.nls.json, and package.nls.json has no key it doesn't use", () => {
    const shown: [string, string][] = [];
    // The package's name is its id; its displayName is what people read.
    shownStrings({ ...manifest, name: undefined }, 'package.json', undefined, shown);
    assert.ok(shown.length > 40, `only ${shown.length} shown strings found: the walk is broken`);
    const bare = shown.filter(([, v]) => !PLACEHOLDER.test(v)).map(([where, v]) => `${where}: ${v}`);
    assert.deepEqual(bare, [], 'shown text written in package.json instead of package.nls.json');
    const used = new Set(shown.map(([, v]) => PLACEHOLDER.exec(v)![1]));
    assert.deepEqual(
      [...used].filter((k) => !(k in nls)),
      [],
      'placeholders package.nls.json does not define',
    );
    assert.deepEqual(
      Object.keys(nls).filter((k) => !used.has(k)),
      [],
      'keys in package.nls.json that package.json does not use',
    );
    for (const [k, v] of Object.entries(nls)) assert.ok(typeof v === 'string' && v.trim(), `${k} is empty`);
    assert.equal(manifest.l10n, './l10n');
  });

  it('finds literal text given to a show*Message call, and none in src/features or src/extension.ts', () => {
    // The scan itself: it must see a literal, a template, and a literal `detail`, and let l10n.t through.
    const sample = [
      "vscode.window.showErrorMessage('bare');",
      'vscode.window.showWarningMessage(`tmpl ${x}`, { modal: true, detail: "d" }, vscode.l10n.t("Ok"));',
      "vscode.window.showInformationMessage(vscode.l10n.t('fine {0}', x), choice);",
    ].join('\n');
    assert.deepEqual(
      bareMessageStrings(path.join(ROOT, 'sample.ts'), sample).map((s) => s.replace(/^\S+ /, '')),
      ["showErrorMessage('bare')", 'showWarningMessage(`tmpl ${x}`)', 'showWarningMessage("d")'],
    );
    const files = [...sourceFiles(path.join(ROOT, 'src', 'features')), path.join(ROOT, 'src', 'extension.ts')];
    assert.ok(files.length > 10);
    const bare = files.flatMap((f) => bareMessageStrings(f, fs.readFileSync(f, 'utf8')));
    assert.deepEqual(bare, []);
  });

  it('ships l10n/bundle.l10n.json as `npm run l10n` exports it from the sources now', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'weakref-l10n-'));
    try {
      const cli = path.join(ROOT, 'node_modules', '@vscode', 'l10n-dev', 'dist', 'cli.js');
      const r = spawnSync(process.execPath, [cli, 'export', '--outDir', out, './src'], { cwd: ROOT, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      const fresh = JSON.parse(fs.readFileSync(path.join(out, 'bundle.l10n.json'), 'utf8')) as Record<string, string>;
      const committed = readJson('l10n/bundle.l10n.json') as Record<string, string>;
      assert.deepEqual(committed, fresh, 'l10n/bundle.l10n.json is stale: run `npm run l10n`');
      // Both halves are in it: the notifications (vscode.l10n) and the lesson page (@vscode/l10n).
      for (const message of [
        'Weak References: that lesson has no exercise.',
        'Open my solution file',
        'Hint {0} of {1}:',
      ])
        assert.ok(message in fresh, `${message} was not exported`);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });

  it('builds the lesson page from the bundle: a translated bundle changes its words, not its markup', () => {
    const lesson = {
      kind: 'lesson',
      id: 'demo',
      title: 'Demo',
      order: 1,
      summary: '',
      topics: [],
      dir: '/nowhere',
      markdown: '',
      examples: [],
      exercise: { starter: 's', solution: 'o', checks: 'c', hints: ['a', 'b'] },
    } satisfies Lesson;
    const english = renderExerciseSection(lesson);
    try {
      l10n.config({
        contents: {
          'Check my solution': 'Vérifier ma solution',
          'Show a hint ({0} of {1})': 'Un indice ({0} sur {1})',
        },
      });
      const french = renderExerciseSection(lesson);
      assert.match(
        french,
        /data-action="checkSolution" data-lesson="demo" data-language="javascript">Vérifier ma solution</,
      );
      assert.match(french, />Un indice \(1 sur 2\)</);
      assert.match(english, />Check my solution</);
      assert.equal(french.replace(/>[^<]*</g, '><'), english.replace(/>[^<]*</g, '><'));
    } finally {
      l10n.config({ contents: {} });
    }
  });
});
