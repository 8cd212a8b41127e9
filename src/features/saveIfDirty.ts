import * as vscode from 'vscode';

/** Saves the open editor's unsaved edits of `file`, so that what runs or is checked is what the learner sees. */
export async function saveIfDirty(file: string): Promise<void> {
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && d.uri.fsPath === file);
  if (doc?.isDirty) await doc.save();
}
