// The learner's editable copies of examples, as the runner and the lesson page meet them:
// which file runs, whether the learner has edited it, and putting the original back.
import * as path from 'path';
import * as vscode from 'vscode';
import { ExampleCopies, type CopyState } from '../runner/exampleCopies';
import { saveIfDirty } from './saveIfDirty';
import type { Lesson, LessonExample } from '../lessons/types';

export class LearnerCopies implements vscode.Disposable {
  private readonly copies: ExampleCopies;
  private readonly changed = new vscode.EventEmitter<string>();
  /** Fires the lesson id when one of its copies may have been edited or restored. */
  readonly onDidChange = this.changed.event;
  private readonly watcher: vscode.Disposable;

  constructor(private readonly root: string) {
    this.copies = new ExampleCopies(root);
    this.watcher = vscode.workspace.onDidSaveTextDocument((doc) => {
      const relative = path.relative(this.root, doc.uri.fsPath);
      if (doc.uri.scheme === 'file' && !relative.startsWith('..') && relative.includes(path.sep))
        this.changed.fire(relative.split(path.sep)[0]);
    });
  }

  /** The file Run runs: the learner's copy once there is one (brought up to date if unedited), else the lesson's file. */
  async fileToRun(lesson: Lesson, example: LessonExample): Promise<string | undefined> {
    const copy = this.copies.copyPath(lesson.id, example.file);
    // Unsaved edits are edits: saved first, so an update never replaces them on disk.
    if (!(await saveIfDirty(copy))) return undefined;
    const state = await this.copies.state(lesson.id, example.file);
    if (state.exists) await this.bringUpToDate(lesson, example);
    return state.exists ? copy : example.file;
  }

  /** The file the learner edits for an example (made on first open). */
  async editableCopy(lesson: Lesson, example: LessonExample): Promise<vscode.Uri> {
    // Edits that could not be saved must not meet an update of the file under them.
    const saved = await saveIfDirty(this.copies.copyPath(lesson.id, example.file));
    const state = await this.copies.state(lesson.id, example.file);
    if (saved && state.exists) await this.bringUpToDate(lesson, example);
    // Only this example is copied, with the files beside it that it requires.
    return vscode.Uri.file(await this.copies.create(lesson.id, example.file));
  }

  /** Ids of the lesson's examples whose copy the learner has changed (what Run runs instead of the page's code). */
  async editedExamples(lesson: Lesson): Promise<string[]> {
    const states = await Promise.all(
      lesson.examples.map(async (e) => ({ id: e.id, state: await this.copies.state(lesson.id, e.file) })),
    );
    return states.filter((s) => s.state.exists && s.state.copyEdited).map((s) => s.id);
  }

  /** Puts the lesson's version back over the learner's copy, after asking. */
  async restoreOriginal(lesson: Lesson, example: LessonExample): Promise<boolean> {
    const restore = vscode.l10n.t('Restore Original');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t("Replace your edited copy of {0} with the lesson's version?", path.basename(example.file)),
      { modal: true, detail: vscode.l10n.t('Your changes to the copy are lost.') },
      restore,
    );
    if (choice !== restore) return false;
    const copy = this.copies.copyPath(lesson.id, example.file);
    const open = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && d.uri.fsPath === copy);
    // An open, unsaved copy would otherwise be saved over the restored file later.
    if (open?.isDirty) await vscode.commands.executeCommand('workbench.action.files.revert', open.uri);
    await this.copies.refresh(lesson.id, example.file);
    this.changed.fire(lesson.id);
    return true;
  }

  dispose(): void {
    this.watcher.dispose();
    this.changed.dispose();
  }

  /** Unedited copies follow the lesson; an edited copy whose original changed is offered the new version. */
  private async bringUpToDate(lesson: Lesson, example: LessonExample): Promise<void> {
    const outdated = await this.copies.update(lesson.id, example.file);
    if (outdated.length) void this.offerRefresh(lesson, outdated);
  }

  private async offerRefresh(lesson: Lesson, outdated: CopyState[]): Promise<void> {
    const names = outdated.map((s) => path.basename(s.copy)).join(', ');
    const replace = vscode.l10n.t('Replace My Copy');
    const choice = await vscode.window.showInformationMessage(
      vscode.l10n.t(
        "The lesson's version of {0} has changed since you copied it. Your edited copy is kept and is what runs.",
        names,
      ),
      replace,
      vscode.l10n.t('Keep Mine'),
    );
    if (choice !== replace) return;
    for (const s of outdated) await this.copies.refresh(lesson.id, s.original);
    this.changed.fire(lesson.id);
  }
}
