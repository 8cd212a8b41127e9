// Workspace Trust for runs: in Restricted Mode a file from the workspace runs only once the user
// says so, each time. The extension's own lessons and the learner's copies of them need no consent.
import * as vscode from 'vscode';
import { isInsideAny } from '../runner/paths';
import { runnableRoots } from './ownFolders';

/** True when `file` may run; `question` (already localized) names the file and how it would run. */
export async function mayRunInWorkspace(
  context: vscode.ExtensionContext,
  file: string,
  question: string,
): Promise<boolean> {
  if (vscode.workspace.isTrusted || isInsideAny(file, runnableRoots(context))) return true;
  const runOnce = vscode.l10n.t('Run Once');
  const choice = await vscode.window.showWarningMessage(
    question,
    {
      modal: true,
      detail: vscode.l10n.t(
        'The file comes from the workspace, which you have not marked as trusted. Running it gives it the same access to your machine as any program you start.',
      ),
    },
    runOnce,
  );
  return choice === runOnce;
}
