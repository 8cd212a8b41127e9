// The registry exercise in a real VS Code: open it, check the starter (it fails), put a right
// solution in the learner's file, check again (it passes), and the lesson counts as completed.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { CheckReport } from '../../../src/exercises/types';
import { api, waitFor } from '../helpers';

describe('exercises in VS Code', function () {
  this.timeout(120_000);

  it('checks a wrong solution, then a right one, and the results change', async () => {
    const extension = await api();
    const lesson = extension.catalog.lesson('exercise-registry');
    assert.ok(lesson?.exercise, 'the exercise-registry lesson is missing');
    const file = extension.exercises.learnerFile(lesson);
    fs.rmSync(file, { force: true });

    const uri = await vscode.commands.executeCommand<vscode.Uri>('weakrefLessons.openExercise', {
      lessonId: lesson.id,
    });
    assert.equal(uri?.fsPath, file);
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.uri.fsPath, file);
    assert.equal(editor.document.getText(), fs.readFileSync(lesson.exercise.starter, 'utf8'));

    const first = await vscode.commands.executeCommand<CheckReport>('weakrefLessons.checkSolution', {
      lessonId: lesson.id,
    });
    assert.ok(first && first.results.length >= 3, JSON.stringify(first));
    assert.ok(
      first.results.some((r) => !r.passed),
      'the starter should not pass every check',
    );
    assert.notEqual(extension.progress.state(lesson.id), 'completed');

    // The learner writes the right code into the open editor; checking saves it first.
    const solution = fs.readFileSync(lesson.exercise.solution, 'utf8');
    await editor.edit((e) => e.replace(new vscode.Range(0, 0, editor.document.lineCount, 0), solution));
    const second = await vscode.commands.executeCommand<CheckReport>('weakrefLessons.checkSolution', {
      lessonId: lesson.id,
    });
    assert.equal(second.error, undefined);
    assert.deepEqual(
      second.results.filter((r) => !r.passed).map((r) => `${r.requirement}: ${r.message}`),
      [],
    );
    assert.equal(second.results.length, first.results.length);
    assert.equal(extension.progress.state(lesson.id), 'completed');

    const revealed = await vscode.commands.executeCommand<vscode.Uri>('weakrefLessons.revealSolution', {
      lessonId: lesson.id,
    });
    const shown = await vscode.workspace.openTextDocument(revealed);
    assert.equal(shown.getText(), solution);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(file, { force: true });
  });

  it("reveals hints one at a time from the lesson page, remembers them, and compares the learner's file with the solution in a diff editor", async () => {
    const extension = await api();
    const lesson = extension.catalog.lesson('smart-cache');
    assert.ok(lesson?.exercise && lesson.exercise.hints.length >= 2);
    await extension.progress.reset();
    await vscode.commands.executeCommand('weakrefLessons.openLesson', lesson.id);
    const panel = extension.lessonViews.panel(lesson.id)!;
    assert.match(panel.webview.html, /data-action="hint"/);
    assert.ok(
      !panel.webview.html.includes(lesson.exercise.hints[0].slice(0, 30)),
      'a hint is in the page before it was asked for',
    );
    assert.equal(await extension.progress.revealHint(lesson.id), 1);
    assert.equal(await extension.progress.revealHint(lesson.id), 2);
    assert.equal(extension.progress.hintsUsed(lesson.id), 2);

    const file = extension.exercises.learnerFile(lesson);
    fs.rmSync(file, { force: true });
    assert.equal(
      await vscode.commands.executeCommand('weakrefLessons.compareSolution', { lessonId: lesson.id }),
      undefined,
      'nothing to compare before the learner has a file',
    );
    await vscode.commands.executeCommand('weakrefLessons.openExercise', { lessonId: lesson.id });
    const compared = await vscode.commands.executeCommand<{ mine: vscode.Uri; reference: vscode.Uri }>(
      'weakrefLessons.compareSolution',
      { lessonId: lesson.id },
    );
    assert.equal(compared.mine.fsPath, file);
    const diff = await waitFor('a diff editor tab', () =>
      vscode.window.tabGroups.all
        .flatMap((g) => g.tabs)
        .find((t) => t.input instanceof vscode.TabInputTextDiff && t.input.original.fsPath === file),
    );
    const input = diff.input as vscode.TabInputTextDiff;
    assert.equal(input.modified.scheme, 'weakref-solution');
    const reference = await vscode.workspace.openTextDocument(input.modified);
    assert.equal(reference.getText(), fs.readFileSync(lesson.exercise.solution, 'utf8'));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await extension.progress.reset();
    assert.equal(extension.progress.hintsUsed(lesson.id), 0);
    fs.rmSync(file, { force: true });
  });

  it('offers the Python version to a Python learner: the starter fails with reasons, the reference solution passes', async () => {
    const extension = await api();
    const lesson = extension.catalog.lesson('exercise-registry');
    const python = lesson?.exercise?.python;
    assert.ok(python, 'the registry exercise has no Python version');
    await extension.progress.reset();
    const before = extension.language.get();
    await extension.language.set('python');
    try {
      // The lesson page offers the Python version's buttons (shown when Python is chosen).
      await vscode.commands.executeCommand('weakrefLessons.openLesson', lesson.id);
      const html = extension.lessonViews.panel(lesson.id)!.webview.html;
      assert.match(
        html,
        /data-for-language="python">[^]*data-action="checkSolution" data-lesson="exercise-registry" data-language="python"/,
      );
      assert.match(html, /id="check-results-python"/);

      // Without a language in the argument, the learner's choice (Python) counts, as from the palette.
      const file = extension.exercises.learnerFile(lesson, 'python');
      assert.match(file, /exercise-registry\.py$/);
      fs.rmSync(file, { force: true });
      const uri = await vscode.commands.executeCommand<vscode.Uri>('weakrefLessons.openExercise', {
        lessonId: lesson.id,
      });
      assert.equal(uri?.fsPath, file);
      const editor = vscode.window.activeTextEditor!;
      assert.equal(editor.document.uri.fsPath, file);
      assert.equal(editor.document.getText(), fs.readFileSync(python.starter, 'utf8'));

      const first = await vscode.commands.executeCommand<CheckReport>('weakrefLessons.checkSolution', {
        lessonId: lesson.id,
        language: 'python',
      });
      assert.equal(first?.error, undefined, JSON.stringify(first));
      const failed = first.results.filter((r) => !r.passed);
      assert.ok(failed.length >= 1, 'the Python starter should not pass every check');
      assert.ok(
        failed.every((r) => r.message),
        `every failed requirement says why: ${JSON.stringify(failed)}`,
      );
      // These are checks.py's requirements, not checks.js's.
      assert.ok(
        first.results.some((r) => /find_by_tag/.test(r.requirement)),
        JSON.stringify(first.results),
      );
      assert.notEqual(extension.progress.state(lesson.id), 'completed');

      const solution = fs.readFileSync(python.solution, 'utf8');
      await editor.edit((e) => e.replace(new vscode.Range(0, 0, editor.document.lineCount, 0), solution));
      const second = await vscode.commands.executeCommand<CheckReport>('weakrefLessons.checkSolution', {
        lessonId: lesson.id,
      });
      assert.equal(second.error, undefined);
      assert.deepEqual(
        second.results.filter((r) => !r.passed).map((r) => `${r.requirement}: ${r.message}`),
        [],
      );
      assert.equal(second.results.length, first.results.length);
      assert.equal(extension.progress.state(lesson.id), 'completed');

      // The reference and the diff are the Python ones.
      const revealed = await vscode.commands.executeCommand<vscode.Uri>('weakrefLessons.revealSolution', {
        lessonId: lesson.id,
      });
      const shown = await vscode.workspace.openTextDocument(revealed);
      assert.equal(shown.getText(), solution);
      assert.equal(shown.languageId, 'python');
      const compared = await vscode.commands.executeCommand<{ mine: vscode.Uri; reference: vscode.Uri }>(
        'weakrefLessons.compareSolution',
        { lessonId: lesson.id, language: 'python' },
      );
      assert.equal(compared.mine.fsPath, file);
      assert.equal((await vscode.workspace.openTextDocument(compared.reference)).getText(), solution);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      fs.rmSync(file, { force: true });
    } finally {
      await extension.language.set(before);
      await extension.progress.reset();
    }
  });
});
