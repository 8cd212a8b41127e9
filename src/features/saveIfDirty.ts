import * as path from 'path';
import * as vscode from 'vscode';

/** How long to wait for a save that was already under way (an auto save) to land. */
const SAVE_UNDER_WAY_GRACE_MS = 5_000;

/**
 * Saves the open editor's unsaved edits of `file`, so that what runs or is checked is what the
 * learner sees. False, with a message, when the edits are still unsaved: the caller must then not
 * run or check the older version on disk.
 */
export async function saveIfDirty(file: string): Promise<boolean> {
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && d.uri.fsPath === file);
  if (!doc?.isDirty) return true;
  // With files.autoSave on, a save already under way makes this one report false while it is still
  // writing the same edits (seen in code-server, whose default is afterDelay): wait for it to land.
  if (!(await doc.save()) && doc.isDirty) await savedOrTimeout(doc, SAVE_UNDER_WAY_GRACE_MS);
  if (!doc.isDirty) return true;
  void vscode.window.showErrorMessage(
    vscode.l10n.t(
      '{0} has edits that could not be saved, so the version on disk was left alone. Save it, then try again.',
      path.basename(file),
    ),
  );
  return false;
}

function savedOrTimeout(doc: vscode.TextDocument, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      sub.dispose();
      resolve();
    };
    const timer = setTimeout(done, ms);
    const sub = vscode.workspace.onDidSaveTextDocument((saved) => {
      if (saved === doc && !doc.isDirty) done();
    });
  });
}
