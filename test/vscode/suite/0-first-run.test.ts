// The first-run walkthrough in a real VS Code. This file runs first (the name sorts first): the
// other suites run examples and check exercises too, which would complete the steps before
// this test could see them incomplete.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { WALKTHROUGH_SHOWN_KEY } from '../../../src/walkthrough/steps';
import type { ExtensionApi } from '../../../src/extension';
import type { RunResult } from '../../../src/features/services';
import { api, waitFor } from '../helpers';

describe('the first-run walkthrough in VS Code', function () {
  this.timeout(120_000);
  let extension: ExtensionApi;

  before(async () => {
    extension = await api();
  });

  it('opened once, on this first activation, and remembers that it did', async () => {
    assert.equal(extension.walkthrough.openedOnActivation, true, 'a fresh profile is a first install');
    assert.equal(extension.context.globalState.get(WALKTHROUGH_SHOWN_KEY), true);
    const labels = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.label);
    await waitFor(
      `the walkthrough's tab (tabs: ${JSON.stringify(labels())})`,
      () => labels().some((l) => /Welcome|Walkthrough|Learn weak references/i.test(l)),
      15_000,
    );
  });

  it('completes "Run your first example" when an example run finishes', async () => {
    assert.equal(extension.walkthrough.done('runExample'), false);
    const lesson = extension.catalog.get().lessons[0];
    const example = lesson.examples.find((e) => !e.expectFailure)!;
    const finished = new Promise<RunResult>((resolve) => {
      const sub = extension.runner.onDidFinishRun((r) => (sub.dispose(), resolve(r)));
    });
    assert.equal(
      await vscode.commands.executeCommand('weakrefLessons.runExample', { lessonId: lesson.id, exampleId: example.id }),
      true,
    );
    await finished;
    assert.equal(extension.walkthrough.done('runExample'), true);
  });

  it('completes "Open an example and edit it" on an edit of the learner\'s copy, not on opening it', async () => {
    assert.equal(extension.walkthrough.done('editExample'), false);
    // Not the example the lessons suite edits later: a deleted copy stays open as a document
    // in the extension host for a while, and a second test on the same path would meet it.
    const lesson = extension.catalog.get().lessons[2];
    const uri = await vscode.commands.executeCommand<vscode.Uri>('weakrefLessons.openExample', {
      lessonId: lesson.id,
      exampleId: lesson.examples[0].id,
    });
    assert.equal(extension.walkthrough.done('editExample'), false, 'opening alone is not editing');
    const editor = vscode.window.activeTextEditor!;
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), '// my note\n'));
    await waitFor('the edit step', () => extension.walkthrough.done('editExample'));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    fs.rmSync(uri.fsPath, { force: true });
  });

  it('completes "See a linter warning in your own file" when the linter reports in a file of the learner', async () => {
    assert.equal(extension.walkthrough.done('seeWarning'), false);
    const doc = await vscode.workspace.openTextDocument({
      language: 'javascript',
      content: 'const ref = new WeakRef(globalThis.user);\nconsole.log(ref.deref().name);\n',
    });
    await vscode.window.showTextDocument(doc);
    const diagnostics = await extension.lint.lintNow(doc);
    assert.ok(
      diagnostics.some((d) => d.source === 'weakref'),
      'the linter found nothing to warn about',
    );
    await waitFor('the warning step', () => extension.walkthrough.done('seeWarning'));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('completes "Check an exercise" once a check has run', async () => {
    assert.equal(extension.walkthrough.done('checkExercise'), false);
    const lesson = extension.catalog.lesson('exercise-registry')!;
    const file = extension.exercises.learnerFile(lesson);
    fs.rmSync(file, { force: true });
    await vscode.commands.executeCommand('weakrefLessons.openExercise', { lessonId: lesson.id });
    const report = await vscode.commands.executeCommand<{ results: unknown[] }>('weakrefLessons.checkSolution', {
      lessonId: lesson.id,
    });
    assert.ok(report.results.length > 0);
    assert.equal(extension.walkthrough.done('checkExercise'), true);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(file, { force: true });
  });
});
