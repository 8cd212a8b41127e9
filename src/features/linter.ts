// The linter in VS Code: settings, the worker that runs the engine, diagnostics and quick fixes.
import * as path from 'path';
import * as vscode from 'vscode';
import { LintClient } from '../linting/client';
import { EDITOR_WORKER_LIMITS } from '../linting/limits';
import { readLintSettings } from '../linting/settings';
import { registerCodeActions } from './codeActions';
import { registerDiagnostics, type LintResults } from './diagnostics';

export function registerLinter(context: vscode.ExtensionContext, output: vscode.OutputChannel): LintResults {
  // The worker bundle holds the engine and the TypeScript compiler; it starts on the first
  // file that mentions a weak API, so activation itself stays cheap.
  // The worker's stack lets deeply nested files parse; its heap cap stops a huge file from running away.
  const client = new LintClient(
    path.join(context.extensionPath, 'dist', 'lintWorker.js'),
    (line) => output.appendLine(line),
    { resourceLimits: EDITOR_WORKER_LIMITS },
  );
  context.subscriptions.push({ dispose: () => client.dispose() });
  const settings = () => {
    const config = vscode.workspace.getConfiguration('weakrefLessons');
    return readLintSettings((key) => config.get(key));
  };
  const results = registerDiagnostics(context, output, client, settings);
  registerCodeActions(context, results);
  return results;
}
