// The Python front end in a real VS Code: a .py document with violations gets squiggles
// (diagnostics) with rule ids, the WeakMethod quick fix, and "Disable … for this line" as `#`.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, waitFor } from '../helpers';

const weakrefDiagnostics = (uri: vscode.Uri) =>
  vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'weakref');
const ruleOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));

const SOURCE = `import weakref

class Player:
    def on_event(self, event):
        pass

player = Player()
handler = weakref.ref(player.on_event)
texture = weakref.proxy({"name": "texture"})
`;

describe('the linter on Python in VS Code', () => {
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('reports violations in a .py document, offers WeakMethod and a # disable comment', async () => {
    await api();
    const doc = await vscode.workspace.openTextDocument({ language: 'python', content: SOURCE });
    await vscode.window.showTextDocument(doc);
    const ds = await waitFor('diagnostics on the Python document', () => {
      const found = weakrefDiagnostics(doc.uri);
      return found.length >= 2 ? found : undefined;
    });
    assert.deepEqual(ds.map((d) => `${d.range.start.line}:${d.range.start.character} ${ruleOf(d)}`).sort(), [
      '7:22 weak-target-unreachable',
      '8:24 invalid-weak-target',
    ]);
    const unreachable = ds.find((d) => ruleOf(d) === 'weak-target-unreachable')!;
    const actions =
      (await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        doc.uri,
        unreachable.range,
      )) ?? [];
    const weakMethod = actions.find((a) => a.title === 'Use weakref.WeakMethod');
    assert.ok(weakMethod?.edit, `no WeakMethod fix among ${actions.map((a) => a.title).join(', ')}`);
    // A suggestion (it changes what the code does) is offered, never preferred: auto-fix must not apply it.
    assert.ok(!weakMethod.isPreferred, 'the WeakMethod suggestion is marked preferred');
    assert.ok(await vscode.workspace.applyEdit(weakMethod.edit));
    assert.match(doc.getText(), /handler = weakref\.WeakMethod\(player\.on_event\)/);
    await waitFor('the fixed diagnostic to go', () => (weakrefDiagnostics(doc.uri).length === 1 ? true : undefined));
    const invalid = weakrefDiagnostics(doc.uri)[0];
    const more =
      (await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        doc.uri,
        invalid.range,
      )) ?? [];
    const disable = more.find((a) => a.title === 'Disable weakref/invalid-weak-target for this line');
    assert.ok(disable?.edit, `no disable action among ${more.map((a) => a.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(disable.edit));
    assert.match(doc.getText(), /\n# weakref-lint-disable-next-line invalid-weak-target\ntexture = /);
    await waitFor('the silenced diagnostic to go', () => (weakrefDiagnostics(doc.uri).length === 0 ? true : undefined));
  });
});
