// The registry exercise in a real VS Code: open it, check the starter (it fails), put a right
// solution in the learner's file, check again (it passes), and the lesson counts as completed.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { CheckReport } from '../../../src/exercises/types';
import { api } from '../helpers';

describe('exercises in VS Code', function () {
  this.timeout(120_000);

  it('checks a wrong solution, then a right one, and the results change', async () => {
    const extension = await api();
    const lesson = extension.catalog.lesson('exercise-registry');
    assert.ok(lesson?.exercise, 'the exercise-registry lesson is missing');
    const file = extension.exercises.learnerFile(lesson);
    fs.rmSync(file, { force: true });

    const uri = await vscode.commands.executeCommand<vscode.Uri>('weakrefLessons.openExercise', { lessonId: lesson.id });
    assert.equal(uri?.fsPath, file);
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.uri.fsPath, file);
    assert.equal(editor.document.getText(), fs.readFileSync(lesson.exercise.starter, 'utf8'));

    const first = await vscode.commands.executeCommand<CheckReport>('weakrefLessons.checkSolution', { lessonId: lesson.id });
    assert.ok(first && first.results.length >= 3, JSON.stringify(first));
    assert.ok(first.results.some((r) => !r.passed), 'the starter should not pass every check');
    assert.notEqual(extension.progress.state(lesson.id), 'completed');

    // The learner writes the right code into the open editor; checking saves it first.
    const solution = fs.readFileSync(lesson.exercise.solution, 'utf8');
    await editor.edit((e) => e.replace(new vscode.Range(0, 0, editor.document.lineCount, 0), solution));
    const second = await vscode.commands.executeCommand<CheckReport>('weakrefLessons.checkSolution', { lessonId: lesson.id });
    assert.equal(second.error, undefined);
    assert.deepEqual(second.results.filter((r) => !r.passed).map((r) => `${r.requirement}: ${r.message}`), []);
    assert.equal(second.results.length, first.results.length);
    assert.equal(extension.progress.state(lesson.id), 'completed');

    const revealed = await vscode.commands.executeCommand<vscode.Uri>('weakrefLessons.revealSolution', { lessonId: lesson.id });
    const shown = await vscode.workspace.openTextDocument(revealed);
    assert.equal(shown.getText(), solution);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(file, { force: true });
  });
});
