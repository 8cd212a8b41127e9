// Quick fixes for weakref diagnostics: the engine's own fixes, plus "Disable weakref/<id> for
// this line" for every finding. Both come from the findings the diagnostics were made from.
import * as vscode from 'vscode';
import type { Finding, TextEdit } from '../analysis/types';
import { disableForLineEdit } from '../linting/disableEdit';
import { LINT_LANGUAGES, type LintResults } from './diagnostics';
import { isOurs } from './findingDiagnostics';

function toWorkspaceEdit(doc: vscode.TextDocument, edits: TextEdit[]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const e of edits)
    edit.replace(doc.uri, new vscode.Range(doc.positionAt(e.start), doc.positionAt(e.end)), e.newText);
  return edit;
}

const commentOf = (doc: vscode.TextDocument) => (doc.languageId === 'python' ? '#' : '//');

function sameFinding(doc: vscode.TextDocument, d: vscode.Diagnostic, f: Finding): boolean {
  const rule = typeof d.code === 'object' ? String(d.code.value) : String(d.code);
  return (
    rule === f.rule &&
    doc.offsetAt(d.range.start) === f.start &&
    doc.offsetAt(d.range.end) === f.end &&
    d.message === f.message
  );
}

export function registerCodeActions(context: vscode.ExtensionContext, results: LintResults): void {
  const provider: vscode.CodeActionProvider = {
    provideCodeActions(doc, _range, ctx) {
      const findings = results.findingsFor(doc);
      if (!findings) return [];
      const actions: vscode.CodeAction[] = [];
      for (const diagnostic of ctx.diagnostics) {
        if (!isOurs(diagnostic)) continue;
        const finding = findings.find((f) => sameFinding(doc, diagnostic, f));
        if (!finding) continue;
        for (const fix of finding.fixes) {
          const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
          action.edit = toWorkspaceEdit(doc, fix.edits);
          action.diagnostics = [diagnostic];
          // As `eslint --fix` applies only fixes, only a fix (which keeps the code's meaning) is preferred,
          // so that "auto fix" never applies a suggestion.
          action.isPreferred = fix.kind === 'fix';
          actions.push(action);
        }
        if (finding.rule !== 'unknown-rule-in-comment') {
          const disable = new vscode.CodeAction(
            vscode.l10n.t('Disable weakref/{0} for this line', finding.rule),
            vscode.CodeActionKind.QuickFix,
          );
          disable.edit = toWorkspaceEdit(doc, [
            disableForLineEdit(doc.getText(), diagnostic.range.start.line, finding.rule, commentOf(doc)),
          ]);
          disable.diagnostics = [diagnostic];
          actions.push(disable);
        }
      }
      return actions;
    },
  };
  context.subscriptions.push(
    vscode.languages.registerCodeActionsProvider(
      LINT_LANGUAGES.flatMap((language) => [
        { language, scheme: 'file' },
        { language, scheme: 'untitled' },
      ]),
      provider,
      { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
    ),
    vscode.commands.registerCommand(
      'weakrefLessons.disableRuleForLine',
      async (uri?: unknown, line?: unknown, rule?: unknown) => {
        const editor = vscode.window.activeTextEditor;
        const doc = uri instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uri) : editor?.document;
        if (!doc) return false;
        const at = typeof line === 'number' ? line : (editor?.selection.active.line ?? 0);
        let id = typeof rule === 'string' ? rule : undefined;
        if (!id) {
          const here = vscode.languages.getDiagnostics(doc.uri).filter((d) => isOurs(d) && d.range.start.line === at);
          const ids = [
            ...new Set(here.map((d) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code)))),
          ];
          id =
            ids.length <= 1
              ? ids[0]
              : await vscode.window.showQuickPick(ids, { placeHolder: vscode.l10n.t('Which rule?') });
        }
        if (!id) {
          void vscode.window.showInformationMessage(vscode.l10n.t('There is no weakref finding on this line.'));
          return false;
        }
        return vscode.workspace.applyEdit(
          toWorkspaceEdit(doc, [disableForLineEdit(doc.getText(), at, id, commentOf(doc))]),
        );
      },
    ),
  );
}
