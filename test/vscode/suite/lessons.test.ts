// Lessons inside a real VS Code: activation, the tree, the lesson view, the runner and progress.
import * as assert from 'node:assert/strict';
import type { MemoryReport } from '../../../src/memory/report';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../src/extension';
import type { RunResult } from '../../../src/features/services';
import { api, EXTENSION_ID, waitFor } from '../helpers';

function nextRun(extension: ExtensionApi): Promise<RunResult> {
  return new Promise((resolve) => {
    const sub = extension.runner.onDidFinishRun((r) => {
      sub.dispose();
      resolve(r);
    });
  });
}

describe('lessons in VS Code', () => {
  let extension: ExtensionApi;

  before(async () => {
    extension = await api();
  });

  it('activates and loads every lesson folder without errors', () => {
    const { lessons, errors } = extension.catalog.get();
    assert.deepEqual(
      errors.map((e) => e.folder),
      [],
    );
    assert.ok(lessons.length >= 2, `only ${lessons.length} lessons loaded`);
    assert.equal(lessons[0].id, 'intro');
  });

  it('contributes the "Weak References" container, whose "Lessons" tree lists the lessons in order with their examples', async () => {
    await vscode.commands.executeCommand('workbench.view.extension.weakrefLessons');
    const roots = extension.tree.getChildren();
    const lessons = extension.catalog.get().lessons;
    assert.deepEqual(
      roots.map((n) => extension.tree.getTreeItem(n).label),
      lessons.map((l) => l.title),
    );
    const intro = roots[0];
    const children = extension.tree.getChildren(intro);
    // The tree shows the examples of the learner's language, JavaScript unless they chose otherwise.
    assert.equal(extension.language.get(), 'javascript');
    assert.equal(children.length, lessons[0].examples.filter((e) => e.language === 'javascript').length);
    const item = extension.tree.getTreeItem(children[0]);
    assert.equal(item.contextValue, 'example');
    assert.equal(item.command?.command, 'weakrefLessons.openExample');
  });

  it('every contributed command is registered', async () => {
    const pkg = JSON.parse(
      fs.readFileSync(path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'package.json'), 'utf8'),
    ) as {
      contributes: { commands: { command: string }[] };
    };
    const all = new Set(await vscode.commands.getCommands(true));
    const missing = pkg.contributes.commands.map((c) => c.command).filter((c) => !all.has(c));
    assert.deepEqual(missing, []);
  });

  it("Run with Memory View shows the observer example's chains in a panel with the lesson page's CSP", async function () {
    this.timeout(120_000);
    const report = await vscode.commands.executeCommand<MemoryReport | undefined>('weakrefLessons.runWithMemoryView', {
      lessonId: 'observer',
      exampleId: 'weak-observers',
    });
    assert.ok(report, 'no report');
    const first = report.checkpoints.find((c) => c.label === 'gc() #1');
    assert.deepEqual(
      first?.targets.map((t) => t.alive),
      [true, true, false, false],
    );
    const html = extension.memoryView.current?.panel.webview.html ?? '';
    assert.match(html, /default-src 'none'/);
    assert.match(html, /<ol class="chain"/);
  });

  it('Open Lesson shows the lesson in a webview tab titled with its title and marks it opened', async () => {
    // The command asks in a modal first (the UI test answers it); here the store is reset directly.
    await extension.progress.reset();
    const lesson = extension.catalog.get().lessons[1];
    assert.equal(extension.progress.state(lesson.id), 'new');
    await vscode.commands.executeCommand('weakrefLessons.openLesson', lesson.id);
    const panel = extension.lessonViews.panel(lesson.id);
    assert.ok(panel, 'no panel for the lesson');
    assert.equal(panel.title, lesson.title);
    const html = panel.webview.html.replace(/&#39;/g, "'");
    assert.match(html, /Content-Security-Policy/);
    assert.match(html, /default-src 'none'/);
    for (const example of lesson.examples)
      assert.ok(html.includes(`data-example="${example.id}"`), `no buttons for ${example.id}`);
    const tab = vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.label === lesson.title);
    assert.ok(tab && tab.input instanceof vscode.TabInputWebview, 'no webview tab with the lesson title');
    assert.equal(extension.progress.state(lesson.id), 'opened');
    // Opening again reveals the same panel instead of a second one.
    await vscode.commands.executeCommand('weakrefLessons.openLesson', lesson.id);
    assert.equal(extension.lessonViews.panel(lesson.id), panel);
    panel.dispose();
  });

  it('Run Example runs the example in the "Weak References" terminal under --expose-gc and shows its output', async function () {
    this.timeout(60_000);
    const lesson = extension.catalog.get().lessons[0];
    const example = lesson.examples.find((e) => !e.expectFailure)!;
    const finished = nextRun(extension);
    const started = await vscode.commands.executeCommand<boolean>('weakrefLessons.runExample', {
      lessonId: lesson.id,
      exampleId: example.id,
    });
    assert.equal(started, true);
    const terminal = await waitFor('the terminal', () =>
      vscode.window.terminals.find((t) => t.name === 'Weak References'),
    );
    assert.ok(terminal);
    const result = await finished;
    assert.equal(result.exitCode, 0, result.output);
    const printed = result.output.replace(/\r\n/g, '\n');
    for (const line of example.expectedOutput.split('\n').filter(Boolean))
      assert.ok(printed.includes(line), `missing "${line}" in:\n${printed}`);
  });

  it('completes a lesson once each of its examples has run, counts it in the view (n/total, a badge of what is left), and a reset clears it', async function () {
    this.timeout(120_000);
    const lesson = extension.catalog.get().lessons[0];
    for (const example of lesson.examples) {
      const finished = nextRun(extension);
      assert.equal(
        await vscode.commands.executeCommand('weakrefLessons.runExample', {
          lessonId: lesson.id,
          exampleId: example.id,
        }),
        true,
      );
      await finished;
    }
    assert.equal(extension.progress.state(lesson.id), 'completed');
    const total = extension.catalog.get().lessons.length;
    const done = extension.catalog.get().lessons.filter((l) => extension.progress.state(l.id) === 'completed').length;
    assert.ok(done >= 1);
    const view = extension.tree.view!;
    assert.equal(view.description, `${done}/${total} · JavaScript`);
    assert.equal(view.badge?.value, total - done);
    await extension.progress.reset();
    assert.equal(extension.progress.state(lesson.id), 'new');
    assert.equal(view.description, `0/${total} · JavaScript`);
    assert.equal(view.badge?.value, total);
  });

  it('Open Example opens an editable copy, and the edited copy is what runs', async function () {
    this.timeout(60_000);
    const lesson = extension.catalog.get().lessons[0];
    const example = lesson.examples.find((e) => !e.expectFailure)!;
    const uri = await vscode.commands.executeCommand<vscode.Uri>('weakrefLessons.openExample', {
      lessonId: lesson.id,
      exampleId: example.id,
    });
    assert.ok(uri);
    assert.notEqual(uri.fsPath, example.file, 'the lesson file itself must not be edited');
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.fsPath, uri.fsPath);
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), "console.log('edited by the learner');\n"));
    const finished = nextRun(extension);
    await vscode.commands.executeCommand('weakrefLessons.runExample', { lessonId: lesson.id, exampleId: example.id });
    const result = await finished;
    assert.equal(result.file, uri.fsPath);
    assert.match(result.output, /edited by the learner/);
    assert.equal(editor.document.isDirty, false, 'the edit is saved before it runs');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    fs.rmSync(uri.fsPath);
  });

  it('Choose Lesson Language switches the tree and new pages to Python, and is remembered', async () => {
    const intro = extension.catalog.get().lessons[0];
    try {
      assert.equal(await vscode.commands.executeCommand('weakrefLessons.chooseLanguage', 'python'), 'python');
      assert.equal(extension.language.get(), 'python');
      assert.equal(extension.context.globalState.get('weakrefLessons.language'), 'python');
      const root = extension.tree.getChildren()[0];
      const shown = extension.tree.getChildren(root).map((n) => (n.kind === 'example' ? n.example.id : ''));
      assert.deepEqual(
        shown,
        intro.examples.filter((e) => e.language === 'python').map((e) => e.id),
      );
      assert.ok(shown.length > 0);
      await vscode.commands.executeCommand('weakrefLessons.openLesson', intro.id);
      const panel = extension.lessonViews.panel(intro.id);
      assert.match(panel!.webview.html, /<body data-lesson="intro" data-language="python">/);
      assert.match(panel!.webview.html, /data-language="python" aria-pressed="true"/);
      panel!.dispose();
      // An unknown language changes nothing.
      assert.equal(await vscode.commands.executeCommand('weakrefLessons.chooseLanguage', 'ruby'), 'python');
    } finally {
      await vscode.commands.executeCommand('weakrefLessons.chooseLanguage', 'javascript');
    }
    assert.equal(extension.language.get(), 'javascript');
  });

  it('Run Example runs a Python example with python3 in the "Weak References" terminal', async function () {
    this.timeout(60_000);
    const lesson = extension.catalog.get().lessons[0];
    const example = lesson.examples.find((e) => e.language === 'python' && !e.expectFailure)!;
    const finished = nextRun(extension);
    assert.equal(
      await vscode.commands.executeCommand<boolean>('weakrefLessons.runExample', {
        lessonId: lesson.id,
        exampleId: example.id,
      }),
      true,
    );
    const result = await finished;
    assert.equal(result.exitCode, 0, result.output);
    // The example itself, or the learner's copy of it (Open Example copies an example's siblings).
    assert.equal(path.basename(result.file), path.basename(example.file));
    const printed = result.output.replace(/\r\n/g, '\n');
    for (const line of example.expectedOutput.split('\n').filter(Boolean))
      assert.ok(printed.includes(line), `missing "${line}" in:\n${printed}`);
  });

  it('a missing python gets a clear message instead of a terminal', async function () {
    this.timeout(30_000);
    const config = vscode.workspace.getConfiguration('weakrefLessons');
    await config.update('pythonPath', '/no/such/python3', vscode.ConfigurationTarget.Global);
    try {
      const lesson = extension.catalog.get().lessons[0];
      const example = lesson.examples.find((e) => e.language === 'python')!;
      const started = await Promise.race([
        vscode.commands.executeCommand<boolean>('weakrefLessons.runExample', {
          lessonId: lesson.id,
          exampleId: example.id,
        }),
        new Promise<boolean>((r) => setTimeout(() => r(false), 5_000)),
      ]);
      assert.equal(started, false);
    } finally {
      await config.update('pythonPath', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('a missing node gets a clear message instead of a terminal', async function () {
    this.timeout(30_000);
    const config = vscode.workspace.getConfiguration('weakrefLessons');
    await config.update('nodePath', '/no/such/node', vscode.ConfigurationTarget.Global);
    try {
      const lesson = extension.catalog.get().lessons[0];
      const started = await Promise.race([
        vscode.commands.executeCommand<boolean>('weakrefLessons.runExample', {
          lessonId: lesson.id,
          exampleId: lesson.examples[0].id,
        }),
        // The error message waits for a click; not starting within the race is the other pass condition.
        new Promise<boolean>((r) => setTimeout(() => r(false), 5_000)),
      ]);
      assert.equal(started, false);
    } finally {
      await config.update('nodePath', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
