// Findings as VS Code diagnostics: the range, severity, rule link, and the source that says
// whose code it is. Findings in the lessons' own files and the learner's copies of examples are
// deliberate (the lesson shows the mistake), so they are marked as the lesson's.
import * as path from 'path';
import * as vscode from 'vscode';
import { isRuleId } from '../analysis/ruleMeta';
import type { Finding } from '../analysis/types';
import { rulePageUri } from './rulePages';

/** The source of findings in the user's own code; code actions and the walkthrough look for it. */
export const SOURCE = 'weakref';
/** The source of findings in a lesson's example, shown in the Problems panel beside the rule. */
export const LESSON_SOURCE = 'weakref (lesson example)';
/** The code of the diagnostic that says a file could not be analysed (it has no quick fixes). */
export const NOT_ANALYSED = 'not-analysed';

const UNTITLED_EXTENSION: Record<string, string> = {
  javascript: '.js',
  javascriptreact: '.jsx',
  typescript: '.ts',
  typescriptreact: '.tsx',
  python: '.py',
};

const severities: Record<Finding['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/** A diagnostic of ours, in the user's code or in a lesson's. */
export function isOurs(d: vscode.Diagnostic): boolean {
  return d.source === SOURCE || d.source === LESSON_SOURCE;
}

/** The name the engine sees: it picks JS or TS (and JSX) from the extension. */
export function engineFileName(doc: vscode.TextDocument): string {
  if (doc.uri.scheme === 'untitled' || !/\.((c|m)?(j|t)sx?|py)$/.test(doc.uri.path))
    return `${path.basename(doc.uri.path) || 'untitled'}${UNTITLED_EXTENSION[doc.languageId] ?? '.js'}`;
  return doc.uri.path;
}

export function toDiagnostic(doc: vscode.TextDocument, f: Finding, inLesson: boolean): vscode.Diagnostic {
  const d = new vscode.Diagnostic(
    new vscode.Range(doc.positionAt(f.start), doc.positionAt(f.end)),
    f.message,
    severities[f.severity],
  );
  d.source = inLesson ? LESSON_SOURCE : SOURCE;
  d.code = isRuleId(f.rule) ? { value: f.rule, target: rulePageUri(f.rule) } : f.rule;
  return d;
}

export function notAnalysedDiagnostic(doc: vscode.TextDocument, why: string): vscode.Diagnostic {
  const d = new vscode.Diagnostic(
    doc.lineAt(0).range,
    vscode.l10n.t('weakref: this file was not linted: {0}', why),
    vscode.DiagnosticSeverity.Information,
  );
  d.source = SOURCE;
  d.code = NOT_ANALYSED;
  return d;
}
