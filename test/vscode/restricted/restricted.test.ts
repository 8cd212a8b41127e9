// In an untrusted workspace the extension still teaches and lints, but never runs a workspace
// file without the user's consent (here no one answers the question, so nothing runs).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RunResult } from '../../../src/features/services';
import { api, waitFor } from '../helpers';

describe('Restricted Mode', function () {
  this.timeout(60_000);

  it('really is an untrusted workspace', () => {
    assert.equal(vscode.workspace.isTrusted, false);
  });

  it('does not run a workspace file without consent', async () => {
    const extension = await api();
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const hello = vscode.Uri.joinPath(folder, 'hello.js');
    const runs: RunResult[] = [];
    const sub = extension.runner.onDidFinishRun((r) => runs.push(r));
    try {
      // The consent question is a modal. Under test, VS Code refuses to show dialogs and says
      // so with the dialog's text, which proves the question was asked; a user who dismisses it
      // gets `false`. Either way nothing may run.
      let answer: unknown;
      try {
        answer = await vscode.commands.executeCommand<boolean>('weakrefLessons.runActiveFile', hello);
      } catch (e) {
        answer = String((e as Error)?.message ?? e);
      }
      assert.ok(answer === false || /Restricted Mode\. Run "hello\.js" with node anyway\?/.test(String(answer)), `runActiveFile gave ${String(answer)}`);
      await new Promise((r) => setTimeout(r, 2000));
      assert.deepEqual(runs.map((r) => r.file), [], 'a workspace file ran without consent');
      assert.equal(vscode.window.terminals.some((t) => t.name === 'Weak References'), false);
    } finally {
      sub.dispose();
    }
  });

  it('still runs the lessons\' own examples, which are part of the extension', async () => {
    const extension = await api();
    const lesson = extension.catalog.get().lessons[0];
    const example = lesson.examples[0];
    const finished = new Promise<RunResult>((resolve) => {
      const sub = extension.runner.onDidFinishRun((r) => (sub.dispose(), resolve(r)));
    });
    assert.equal(await vscode.commands.executeCommand('weakrefLessons.runExample', { lessonId: lesson.id, exampleId: example.id }), true);
    const result = await finished;
    assert.equal(result.exitCode, 0, result.output);
  });

  it('still lints', async () => {
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, 'violations.js'));
    await vscode.window.showTextDocument(doc);
    const ds = await waitFor('diagnostics in Restricted Mode', () => {
      const found = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'weakref');
      return found.length >= 2 ? found : undefined;
    });
    assert.ok(ds.length >= 2);
  });
});
