// Live diagnostics: every open JavaScript/TypeScript/Python document (untitled ones too) is
// linted in the worker (./documentLinter.ts), debounced while the user types.
import * as vscode from 'vscode';
import type { Finding } from '../analysis/types';
import type { LintClient } from '../linting/client';
import type { LintSettings } from '../linting/settings';
import { DocumentLinter } from './documentLinter';
import { exampleCopiesFolder, lessonsFolder } from './ownFolders';

export { LINT_LANGUAGES } from './documentLinter';
export { engineFileName, NOT_ANALYSED } from './findingDiagnostics';

const DEBOUNCE_MS = 200;

export interface LintResults {
  /** The findings behind the current diagnostics, if they belong to this version of the document. */
  findingsFor(doc: vscode.TextDocument): Finding[] | undefined;
  /** Lints now (no debounce) and resolves when the diagnostics are set; for tests and commands. */
  lintNow(doc: vscode.TextDocument): Promise<readonly vscode.Diagnostic[]>;
  readonly onDidLint: vscode.Event<vscode.Uri>;
}

export function registerDiagnostics(
  context: vscode.ExtensionContext,
  output: vscode.OutputChannel,
  client: LintClient,
  settings: () => LintSettings,
): LintResults {
  const collection = vscode.languages.createDiagnosticCollection('weakref');
  const linter = new DocumentLinter(collection, client, settings, output, [
    lessonsFolder(context),
    exampleCopiesFolder(context),
  ]);
  const reportSettingProblems = () => {
    for (const problem of settings().problems) output.appendLine(`[linter] ${problem}`);
  };

  context.subscriptions.push(
    collection,
    linter,
    vscode.workspace.onDidOpenTextDocument((doc) => linter.schedule(doc, 0)),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (!linter.isLinted(e.document) || e.contentChanges.length === 0) return;
      linter.recordChanges(e.document, e.contentChanges);
      linter.schedule(e.document, DEBOUNCE_MS);
    }),
    vscode.workspace.onDidCloseTextDocument((doc) => linter.forget(doc)),
    // Trusted now, "auto" may find that ESLint lints a file after all.
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      for (const doc of vscode.workspace.textDocuments) linter.schedule(doc, 0);
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('weakrefLessons.lint')) return;
      reportSettingProblems();
      for (const doc of vscode.workspace.textDocuments) linter.schedule(doc, 0);
    }),
  );
  reportSettingProblems();
  for (const doc of vscode.workspace.textDocuments) linter.schedule(doc, 0);

  return {
    onDidLint: linter.onDidLint,
    findingsFor: (doc) => linter.findingsFor(doc),
    async lintNow(doc) {
      await linter.lint(doc);
      return collection.get(doc.uri) ?? [];
    },
  };
}
