// The linter inside a real VS Code: diagnostics on a workspace file and on an untitled one,
// their ranges and codes, a quick fix that removes one, settings and suppression comments.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, waitFor } from '../helpers';

const weakrefDiagnostics = (uri: vscode.Uri) =>
  vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'weakref');
const ruleOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));

function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need the fixture workspace open');
  return vscode.Uri.joinPath(folder.uri, name);
}

async function settle(
  uri: vscode.Uri,
  ok: (ds: vscode.Diagnostic[]) => boolean,
  what: string,
): Promise<vscode.Diagnostic[]> {
  return waitFor(what, () => {
    const ds = weakrefDiagnostics(uri);
    return ok(ds) ? ds : undefined;
  });
}

describe('the linter in VS Code', () => {
  let doc: vscode.TextDocument;

  before(async () => {
    await api();
    doc = await vscode.workspace.openTextDocument(workspaceFile('violations.js'));
    await vscode.window.showTextDocument(doc);
  });

  after(async () => {
    await vscode.workspace
      .getConfiguration('weakrefLessons')
      .update('lint.rules', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('reports each violation in the fixture with its rule, range, severity and a link to the rule page', async () => {
    const ds = await settle(doc.uri, (d) => d.length >= 2, 'weakref diagnostics on violations.js');
    const summary = ds
      .map((d) => `${ruleOf(d)} ${d.range.start.line + 1}:${d.range.start.character + 1} ${doc.getText(d.range)}`)
      .sort();
    assert.deepEqual(summary, ["invalid-weak-target 3:11 'user-1'", 'unsafe-deref 9:10 ref.deref()']);
    const invalid = ds.find((d) => ruleOf(d) === 'invalid-weak-target')!;
    assert.equal(invalid.severity, vscode.DiagnosticSeverity.Error);
    const deref = ds.find((d) => ruleOf(d) === 'unsafe-deref')!;
    assert.equal(deref.severity, vscode.DiagnosticSeverity.Warning);
    const target = typeof deref.code === 'object' ? deref.code.target : undefined;
    assert.ok(target, 'the diagnostic links to its rule page');
    assert.equal(target.toString(), 'weakref-rule:/unsafe-deref.weakref-rule');
    // The page is the shipped docs/rules/unsafe-deref.md, read-only.
    assert.match(new TextDecoder().decode(await vscode.workspace.fs.readFile(target)), /^# weakref\/unsafe-deref$/m);
    assert.equal(vscode.workspace.fs.isWritableFileSystem(target.scheme), false);
  });

  it('opens a rule link as the rendered rule page, not the Markdown source', async () => {
    await vscode.commands.executeCommand('vscode.open', vscode.Uri.parse('weakref-rule:/unsafe-deref.weakref-rule'));
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
    assert.ok(tab?.input instanceof vscode.TabInputCustom, `opened as ${tab?.input?.constructor.name}`);
    assert.equal(tab.input.viewType, 'weakrefLessons.rulePage');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it("marks findings in a lesson's example copy as the lesson's, apart from the user's own", async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('weakrefLessons.openExample', {
      lessonId: 'pitfall-dead-refs',
      exampleId: 'dead-ref-throws',
    });
    const copy = await vscode.workspace.openTextDocument(uri);
    const ds = await (await api()).lint.lintNow(copy);
    assert.ok(ds.length > 0, 'the example shows the mistake the lesson is about');
    assert.deepEqual([...new Set(ds.map((d) => d.source))], ['weakref (lesson example)']);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('a quick fix removes its diagnostic, and "Disable … for this line" silences another', async () => {
    const ds = await settle(doc.uri, (d) => d.length >= 2, 'diagnostics');
    const deref = ds.find((d) => ruleOf(d) === 'unsafe-deref')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      deref.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Disable weakref/unsafe-deref for this line'), JSON.stringify(titles));
    const fix = actions.find((a) => a.isPreferred && a.edit);
    assert.ok(fix, `no preferred fix among ${JSON.stringify(titles)}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    await settle(
      doc.uri,
      (d) => !d.some((x) => ruleOf(x) === 'unsafe-deref') && d.length >= 1,
      'the unsafe-deref diagnostic to go',
    );
    assert.match(doc.lineAt(deref.range.start.line).text, /ref\.deref\(\)\?\.user/);

    const invalid = weakrefDiagnostics(doc.uri).find((d) => ruleOf(d) === 'invalid-weak-target')!;
    const more = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      invalid.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const disable = more.find((a) => a.title === 'Disable weakref/invalid-weak-target for this line');
    assert.ok(disable?.edit);
    assert.ok(await vscode.workspace.applyEdit(disable.edit));
    assert.equal(doc.lineAt(invalid.range.start.line).text, '// weakref-lint-disable-next-line invalid-weak-target');
    await settle(doc.uri, (d) => d.length === 0, 'every diagnostic to go');
  });

  it('lints untitled documents too, as the user types, and reports an unknown rule id in a suppression comment', async () => {
    const untitled = await vscode.workspace.openTextDocument({
      language: 'typescript',
      content: 'const seen = new WeakSet<object>();\n',
    });
    const editor = await vscode.window.showTextDocument(untitled);
    await editor.edit((e) =>
      e.insert(
        new vscode.Position(1, 0),
        "seen.add('x' as any);\n// weakref-lint-disable-next-line no-such-rule\nseen.has(1 as any);\n",
      ),
    );
    const ds = await settle(untitled.uri, (d) => d.length >= 2, 'diagnostics on the untitled document');
    const rules = ds.map(ruleOf).sort();
    assert.ok(rules.includes('invalid-weak-target'), JSON.stringify(rules));
    const unknown = ds.find((d) => /no-such-rule/.test(untitled.getText(d.range)));
    assert.ok(unknown, `no finding on the unknown id; got ${JSON.stringify(rules)}`);
  });

  it('per-rule settings turn a rule off or change its severity', async () => {
    const src = await vscode.workspace.openTextDocument({
      language: 'javascript',
      content: 'const ws = new WeakSet();\nws.add(1);\nconst r = new WeakRef({});\n',
    });
    await vscode.window.showTextDocument(src);
    await settle(src.uri, (d) => d.some((x) => ruleOf(x) === 'invalid-weak-target'), 'the invalid-weak-target error');
    const config = vscode.workspace.getConfiguration('weakrefLessons');
    await config.update(
      'lint.rules',
      { 'invalid-weak-target': 'off', 'weak-target-unreachable': 'error' },
      vscode.ConfigurationTarget.Global,
    );
    const ds = await settle(
      src.uri,
      (d) =>
        !d.some((x) => ruleOf(x) === 'invalid-weak-target') &&
        d.some((x) => ruleOf(x) === 'weak-target-unreachable' && x.severity === vscode.DiagnosticSeverity.Error),
      'the settings to apply',
    );
    assert.ok(ds.length >= 1);
    await config.update('lint.rules', undefined, vscode.ConfigurationTarget.Global);
  });

  it('leaves a file without weak APIs alone and never reports on syntax it cannot parse', async () => {
    const plain = await vscode.workspace.openTextDocument({
      language: 'javascript',
      content: 'const m = new Map();\nm.set("a", 1);\nfunction (\n',
    });
    await vscode.window.showTextDocument(plain);
    const extension = await api();
    const ds = await extension.lint.lintNow(plain);
    assert.deepEqual(ds.map(ruleOf), []);
  });

  it('deep nesting: 10,000 levels still lint in the worker; deeper is an Information diagnostic on line 1, never silence', async () => {
    const extension = await api();
    const nested = (levels: number) => `const x = ${'('.repeat(levels)}1${')'.repeat(levels)};\nnew WeakRef(1);\n`;
    const deep = await vscode.workspace.openTextDocument({ language: 'javascript', content: nested(10_000) });
    const ds = await extension.lint.lintNow(deep);
    assert.deepEqual(
      ds.map((d) => `${d.range.start.line}:${ruleOf(d)}`),
      ['1:invalid-weak-target'],
    );
    // 300,000 levels (600 KB, under the default size limit) overflow even the worker's 64 MB stack.
    const deeper = await vscode.workspace.openTextDocument({ language: 'javascript', content: nested(300_000) });
    const notLinted = await extension.lint.lintNow(deeper);
    assert.deepEqual(
      notLinted.map((d) => [d.range.start.line, ruleOf(d), d.severity]),
      [[0, 'not-analysed', vscode.DiagnosticSeverity.Information]],
    );
    assert.match(notLinted[0].message, /not linted: the code is nested too deeply/);
  });

  it("clears a document's diagnostics when the document closes", async () => {
    const doc = await vscode.workspace.openTextDocument({
      language: 'javascript',
      content: "const ws = new WeakSet();\nws.add('gone soon');\n",
    });
    await vscode.window.showTextDocument(doc);
    await settle(doc.uri, (d) => d.length === 1, 'the diagnostic on the new document');
    const closed = new Promise<void>((resolve) => {
      const sub = vscode.workspace.onDidCloseTextDocument((d) => {
        if (d.uri.toString() === doc.uri.toString()) {
          sub.dispose();
          resolve();
        }
      });
    });
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await closed;
    await waitFor('the diagnostics to be cleared', () => weakrefDiagnostics(doc.uri).length === 0);
  });
});
