// In an untrusted workspace the extension still teaches and lints, but never runs a workspace
// file without the user's consent (here no one answers the question, so nothing runs).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { RunResult } from '../../../src/features/services';
import { api, waitFor } from '../helpers';
import { isAlive } from '../../support/processes';

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
      assert.ok(
        answer === false || /Restricted Mode\. Run "hello\.js" with node anyway\?/.test(String(answer)),
        `runActiveFile gave ${String(answer)}`,
      );
      await new Promise((r) => setTimeout(r, 2000));
      assert.deepEqual(
        runs.map((r) => r.file),
        [],
        'a workspace file ran without consent',
      );
      assert.equal(
        vscode.window.terminals.some((t) => t.name === 'Weak References'),
        false,
      );
    } finally {
      sub.dispose();
    }
  });

  it('does not run a workspace file with the memory view without consent', async () => {
    const extension = await api();
    const hello = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'hello.js');
    // undefined: the user dismissed the question; a string: VS Code refused to show it under test.
    let answer: string | undefined;
    try {
      const report: unknown = await vscode.commands.executeCommand('weakrefLessons.runWithMemoryView', hello);
      answer = report === undefined ? undefined : JSON.stringify(report);
    } catch (e) {
      answer = String((e as Error)?.message ?? e);
    }
    assert.ok(
      answer === undefined || /Restricted Mode\. Run "hello\.js" with the memory view anyway\?/.test(answer),
      `runWithMemoryView gave ${answer}`,
    );
    assert.equal(extension.memoryView.current, undefined, 'a memory view opened without consent');
  });

  it("still runs the lessons' own examples, which are part of the extension", async () => {
    const extension = await api();
    const lesson = extension.catalog.get().lessons[0];
    const example = lesson.examples[0];
    const finished = new Promise<RunResult>((resolve) => {
      const sub = extension.runner.onDidFinishRun((r) => (sub.dispose(), resolve(r)));
    });
    assert.equal(
      await vscode.commands.executeCommand('weakrefLessons.runExample', { lessonId: lesson.id, exampleId: example.id }),
      true,
    );
    const result = await finished;
    assert.equal(result.exitCode, 0, result.output);
  });

  it('stops a runaway example with Stop, and a second run stops the first', async () => {
    const extension = await api();
    const lesson = extension.catalog.get().lessons[0];
    const ids = { lessonId: lesson.id, exampleId: lesson.examples[0].id };
    const copy = await vscode.commands.executeCommand<vscode.Uri>('weakrefLessons.openExample', ids);
    const runs: RunResult[] = [];
    const sub = extension.runner.onDidFinishRun((r) => runs.push(r));
    const startRunaway = async () => {
      const before = extension.runner.running?.pid;
      assert.equal(await vscode.commands.executeCommand('weakrefLessons.runExample', ids), true);
      return waitFor('the run to start', () => {
        const pid = extension.runner.running?.pid;
        return pid !== undefined && pid !== before ? pid : undefined;
      });
    };
    try {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      fs.writeFileSync(copy.fsPath, 'while (true) {}\n'); // the learner's edit: an endless loop
      const first = await startRunaway();
      await new Promise((r) => setTimeout(r, 1000));
      assert.ok(isAlive(first), 'the runaway example should still be running');
      assert.equal(await vscode.commands.executeCommand('weakrefLessons.stopExample'), true);
      await waitFor(`process ${first} to be gone after Stop`, () => !isAlive(first) || undefined, 10_000);
      const stopped = await waitFor('the end of the stopped run', () => runs.find((r) => r.stopped));
      assert.equal(stopped.file, copy.fsPath);
      assert.equal(extension.runner.running, undefined);

      const second = await startRunaway();
      const third = await startRunaway();
      assert.notEqual(second, third);
      await waitFor(`process ${second} to be gone after a new run`, () => !isAlive(second) || undefined, 10_000);
      assert.ok(isAlive(third), 'the new run is running');
      assert.equal(await vscode.commands.executeCommand('weakrefLessons.stopExample'), true);
      await waitFor(`process ${third} to be gone after Stop`, () => !isAlive(third) || undefined, 10_000);
      await waitFor('the run to end', () => extension.runner.running === undefined || undefined);
      assert.equal(await vscode.commands.executeCommand('weakrefLessons.stopExample'), false, 'nothing left to stop');
    } finally {
      sub.dispose();
      extension.runner.stop();
      fs.rmSync(copy.fsPath, { force: true });
    }
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

  // A repository's settings cannot switch on "auto", and with "auto" from the user, a committed
  // eslint.config.js linking to /dev/zero is not read in Restricted Mode (where the ESLint
  // extension does not run either); read anywhere, it is refused as not a regular file.
  it('survives a committed eslint.config.js linking to /dev/zero with lint.enable "auto", and lints the file itself', async () => {
    const extension = await api();
    const folder = vscode.workspace.workspaceFolders![0].uri.fsPath;
    const dir = fs.mkdtempSync(path.join(folder, 'hostile-config-'));
    fs.symlinkSync('/dev/zero', path.join(dir, 'eslint.config.js'));
    fs.mkdirSync(path.join(folder, '.vscode'), { recursive: true });
    const workspaceSettings = path.join(folder, '.vscode', 'settings.json');
    // editor.tabSize is not restricted: once VS Code shows it, it has read the file.
    fs.writeFileSync(workspaceSettings, JSON.stringify({ 'weakrefLessons.lint.enable': 'auto', 'editor.tabSize': 7 }));
    const file = path.join(dir, 'a.js');
    fs.writeFileSync(file, 'const r = new WeakRef({});\nr.deref().x = 1;\n');
    const config = () => vscode.workspace.getConfiguration('weakrefLessons');
    try {
      await waitFor(
        'the workspace settings to be read',
        () => vscode.workspace.getConfiguration('editor').inspect('tabSize')?.workspaceValue === 7 || undefined,
      );
      assert.notEqual(config().get('lint.enable'), 'auto', 'a Restricted-Mode workspace switched lint.enable');
      await config().update('lint.enable', 'auto', vscode.ConfigurationTarget.Global);
      const doc = await vscode.workspace.openTextDocument(file);
      await vscode.window.showTextDocument(doc);
      const ds = await extension.lint.lintNow(doc);
      assert.ok(
        ds.some((d) => d.source === 'weakref' && d.code !== 'not-analysed'),
        'the file was not linted',
      );
      // The host is still there and answering.
      assert.equal(await vscode.commands.executeCommand('weakrefLessons.stopExample'), false);
    } finally {
      await config().update('lint.enable', undefined, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      fs.rmSync(workspaceSettings, { force: true });
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
