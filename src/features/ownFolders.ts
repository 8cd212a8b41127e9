// The folders whose files are the extension's own: the lessons it ships, and the learner's
// copies of examples and exercises in global storage (kept between sessions).
import * as path from 'path';
import type * as vscode from 'vscode';

export function lessonsFolder(context: vscode.ExtensionContext): string {
  return path.join(context.extensionPath, 'lessons');
}

export function exampleCopiesFolder(context: vscode.ExtensionContext): string {
  return path.join(context.globalStorageUri.fsPath, 'examples');
}

export function exercisesFolder(context: vscode.ExtensionContext): string {
  return path.join(context.globalStorageUri.fsPath, 'exercises');
}

/** Where the runner may run files without Workspace Trust: the lessons and the copies of their examples. */
export function runnableRoots(context: vscode.ExtensionContext): string[] {
  return [lessonsFolder(context), exampleCopiesFolder(context)];
}
