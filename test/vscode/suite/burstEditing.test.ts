// The live diagnostics agree with the CLI on the same text, after the edits a person makes:
// keystrokes faster than the debounce, a multi-cursor edit, undo and redo, and a file changed
// on disk and reverted. The CLI parses from scratch every time, so any stale incremental state
// in the worker shows up as a difference.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { api, waitFor } from '../helpers';

const START = [
  'const keep = new WeakMap();',
  'const ws = new WeakSet();',
  'const ref = new WeakRef({ id: 1 });',
  ...Array.from({ length: 30 }, (_, i) => `function filler${i}() { return ${i}; }`),
  "function f() { ws.add('x'); }",
  'function g() { return ref.deref().id; }',
  '',
].join('\n');

interface Row {
  rule: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}

const sortRows = (rows: Row[]) => rows.map((r) => JSON.stringify(r)).sort();

/** weakref-lint's findings on this exact text, from a file of the same type. */
function cliFindings(extensionPath: string, text: string): Row[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weakref-burst-'));
  try {
    const file = path.join(dir, 'burst.ts');
    fs.writeFileSync(file, text);
    const r = spawnSync(process.execPath, [path.join(extensionPath, 'dist', 'cli.js'), '--format', 'json', file], {
      encoding: 'utf8',
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    });
    assert.ok(r.status === 0 || r.status === 1, `weakref-lint exited ${r.status}: ${r.stderr}`);
    return (JSON.parse(r.stdout) as Row[]).map(({ rule, line, column, endLine, endColumn, message }) => ({
      rule,
      line,
      column,
      endLine,
      endColumn,
      message,
    }));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('live diagnostics equal the CLI after bursts of edits', () => {
  let file: vscode.Uri;
  let editor: vscode.TextEditor;
  let extensionPath: string;

  // code-server saves after a delay by default. A save that lands on its own schedule can write
  // over the on-disk change below, or save the edit that the revert step is about to undo; with
  // it off, every save in this test is the test's own.
  let autoSave: string | undefined;
  before(async () => {
    const files = vscode.workspace.getConfiguration('files');
    autoSave = files.inspect<string>('autoSave')?.globalValue;
    await files.update('autoSave', 'off', vscode.ConfigurationTarget.Global);
    extensionPath = (await api()).context.extensionUri.fsPath;
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the tests need the fixture workspace open');
    file = vscode.Uri.joinPath(folder.uri, 'burst-editing.ts');
    await vscode.workspace.fs.writeFile(file, Buffer.from(START));
    editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file));
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.workspace.fs.delete(file);
    await vscode.workspace.getConfiguration('files').update('autoSave', autoSave, vscode.ConfigurationTarget.Global);
  });

  /** Waits until the diagnostics belong to the document's current version, then compares them with the CLI. */
  async function agreesWithCli(step: string): Promise<number> {
    const lint = (await api()).lint;
    const doc = editor.document;
    await waitFor(`${step}: diagnostics for version ${doc.version}`, () => lint.findingsFor(doc) !== undefined);
    const live: Row[] = vscode.languages
      .getDiagnostics(doc.uri)
      .filter((d) => d.source === 'weakref')
      .map((d) => ({
        rule: typeof d.code === 'object' ? String(d.code.value) : String(d.code),
        line: d.range.start.line + 1,
        column: d.range.start.character + 1,
        endLine: d.range.end.line + 1,
        endColumn: d.range.end.character + 1,
        message: d.message,
      }));
    const cli = cliFindings(extensionPath, doc.getText());
    assert.deepEqual(sortRows(live), sortRows(cli), `${step}: the editor and the CLI disagree`);
    return live.length;
  }

  const at = (needle: string, delta = 0) =>
    editor.document.positionAt(editor.document.getText().indexOf(needle) + delta);

  it('agrees at the start', async () => {
    assert.ok((await agreesWithCli('start')) >= 2, 'the starting text has findings to lose');
  });

  it('agrees after single edits linted one by one (the incremental path)', async () => {
    // WeakSet -> Set, one keystroke at a time, each one linted before the next.
    for (let i = 0; i < 4; i++) {
      await editor.edit((e) => e.delete(new vscode.Range(at('Set();\nconst ref', -1), at('Set();\nconst ref'))));
      await agreesWithCli(`backspace ${i + 1}`);
    }
    assert.match(editor.document.getText(), /new Set\(\)/);
    await editor.edit((e) => e.insert(at('new Set', 4), 'Weak'));
    assert.ok((await agreesWithCli('Set back to WeakSet')) >= 2);
  });

  it('agrees after a burst faster than the debounce, a multi-cursor edit, undo and redo', async () => {
    const burst = ['if (!ref.deref()) return;\n', 'await x;\n', '// ', 'ws.add(1);\n'];
    for (const text of burst) await editor.edit((e) => e.insert(at('function g'), text));
    await editor.edit((e) => {
      // Two cursors in one edit: VS Code reports two content changes at once.
      e.insert(at('function f'), 'keep.set(2, 1);\n');
      e.insert(at('function g'), 'keep.get("k");\n');
    });
    await agreesWithCli('burst and multi-cursor');
    await vscode.commands.executeCommand('undo');
    await vscode.commands.executeCommand('undo');
    await agreesWithCli('two undos');
    await vscode.commands.executeCommand('redo');
    await agreesWithCli('a redo');
  });

  it('agrees after the file changes on disk and is reverted', async () => {
    const t0 = Date.now();
    const log = (m: string) =>
      console.log(
        `    [on-disk +${Date.now() - t0} ms] ${m} dirty=${editor.document.isDirty} v${editor.document.version}`,
      );
    log('start');
    // Saved and clean before the file changes on disk: a save still running would write over it.
    assert.ok(await editor.document.save(), 'the document saves');
    await waitFor('the document to be clean', () => !editor.document.isDirty);
    log('saved');
    const onDisk = START.replace('new WeakSet()', 'new Set()').replace("ws.add('x')", "ws.add('x'); keep.set('y', 1)");
    const changed = new Promise<void>((resolve) => {
      const sub = vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === editor.document && e.document.getText() === onDisk) {
          sub.dispose();
          resolve();
        }
      });
    });
    await vscode.workspace.fs.writeFile(file, Buffer.from(onDisk));
    // VS Code reloads a clean document when its file watcher reports the change; where the
    // watcher is slow (a busy machine), Revert File is how a person loads the file from disk.
    const reloaded = await Promise.race([
      changed.then(() => true),
      new Promise<boolean>((r) => setTimeout(() => r(false), 8000)),
    ]);
    log(`reloaded by watcher: ${reloaded}`);
    if (!reloaded) await vscode.commands.executeCommand('workbench.action.files.revert');
    log('after revert command');
    await waitFor('the document to hold the changed file', () => editor.document.getText() === onDisk);
    log('holds changed file');
    await agreesWithCli('changed on disk');
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), '// edited\n'));
    await vscode.commands.executeCommand('workbench.action.files.revert');
    log('edited');
    await waitFor('the revert', () => editor.document.getText() === onDisk);
    log('reverted');
    await agreesWithCli('reverted');
  });
});
