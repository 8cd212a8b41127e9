// Live diagnostics: every open JavaScript/TypeScript document (untitled ones too) is linted in
// the worker, debounced while the user types; an answer for an older version is dropped.
import * as path from 'path';
import * as vscode from 'vscode';
import { mightUseWeakApis } from '../analysis/precheck';
import { RULE_IDS, type Finding, type TextChange } from '../analysis/types';
import { eslintConfigWithPlugin } from '../linting/eslintConfig';
import type { LintClient } from '../linting/client';
import type { LintSettings } from '../linting/settings';

export const LINT_LANGUAGES = ['javascript', 'javascriptreact', 'typescript', 'typescriptreact'];
const UNTITLED_EXTENSION: Record<string, string> = { javascript: '.js', javascriptreact: '.jsx', typescript: '.ts', typescriptreact: '.tsx' };
const DEBOUNCE_MS = 200;

interface DocState {
  timer?: NodeJS.Timeout;
  /** Edits since the text last sent to the worker; undefined means "send the whole text". */
  changes?: TextChange[];
  sentOnce: boolean;
  findings: Finding[];
  findingsVersion: number;
  /** Set once the user has been told that this file is too large. */
  toldTooLarge?: boolean;
}

export interface LintResults {
  /** The findings behind the current diagnostics, if they belong to this version of the document. */
  findingsFor(doc: vscode.TextDocument): Finding[] | undefined;
  /** Lints now (no debounce) and resolves when the diagnostics are set; for tests and commands. */
  lintNow(doc: vscode.TextDocument): Promise<readonly vscode.Diagnostic[]>;
  readonly onDidLint: vscode.Event<vscode.Uri>;
}

const severities: Record<Finding['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/** The name the engine sees: it picks JS or TS (and JSX) from the extension. */
export function engineFileName(doc: vscode.TextDocument): string {
  if (doc.uri.scheme === 'untitled' || !/\.(c|m)?(j|t)sx?$/.test(doc.uri.path)) return `${path.basename(doc.uri.path) || 'untitled'}${UNTITLED_EXTENSION[doc.languageId] ?? '.js'}`;
  return doc.uri.path;
}

export function registerDiagnostics(
  context: vscode.ExtensionContext,
  output: vscode.OutputChannel,
  client: LintClient,
  settings: () => LintSettings,
): LintResults {
  const collection = vscode.languages.createDiagnosticCollection('weakref');
  const states = new Map<string, DocState>();
  const linted = new vscode.EventEmitter<vscode.Uri>();
  const ruleDoc = (rule: string) => vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules', `${rule}.md`);
  const isLinted = (doc: vscode.TextDocument) => LINT_LANGUAGES.includes(doc.languageId) && (doc.uri.scheme === 'file' || doc.uri.scheme === 'untitled');
  const stateOf = (doc: vscode.TextDocument) => {
    const key = doc.uri.toString();
    let s = states.get(key);
    if (!s) states.set(key, (s = { sentOnce: false, findings: [], findingsVersion: -1 }));
    return s;
  };

  function toDiagnostic(doc: vscode.TextDocument, f: Finding): vscode.Diagnostic {
    const d = new vscode.Diagnostic(new vscode.Range(doc.positionAt(f.start), doc.positionAt(f.end)), f.message, severities[f.severity]);
    d.source = 'weakref';
    d.code = (RULE_IDS as readonly string[]).includes(f.rule) ? { value: f.rule, target: ruleDoc(f.rule) } : f.rule;
    return d;
  }

  function clear(doc: vscode.TextDocument, s: DocState): void {
    collection.delete(doc.uri);
    s.findings = [];
    s.findingsVersion = doc.version;
    s.changes = undefined;
    s.sentOnce = false;
    client.forget(doc.uri.toString());
  }

  async function lint(doc: vscode.TextDocument): Promise<void> {
    const s = stateOf(doc);
    clearTimeout(s.timer);
    s.timer = undefined;
    const config = settings();
    if (!config.enabled || !isLinted(doc) || doc.isClosed) return void clear(doc, s);
    // "auto": the ESLint extension already shows these findings for this file; once is enough.
    if (config.deferToEslint && doc.uri.scheme === 'file' && eslintConfigWithPlugin(doc.uri.fsPath)) return void clear(doc, s);
    const version = doc.version;
    const text = doc.getText();
    if (text.length > config.maxFileSize) {
      clear(doc, s);
      if (!s.toldTooLarge) {
        s.toldTooLarge = true;
        void vscode.window.showInformationMessage(
          `Weak References: ${path.basename(doc.uri.path)} is not linted: it is larger than weakrefLessons.lint.maxFileSize (${config.maxFileSize} bytes).`,
        );
      }
      return;
    }
    // A NUL in the text means binary data opened as JavaScript: nothing to say about it.
    if (text.includes('\u0000') || !mightUseWeakApis(text)) {
      clear(doc, s);
      linted.fire(doc.uri);
      return;
    }
    const changes = s.sentOnce ? s.changes : undefined;
    s.changes = [];
    s.sentOnce = true;
    const response = await client.lint({ key: doc.uri.toString(), fileName: engineFileName(doc), text, changes, options: config.options });
    if (response.error) {
      output.appendLine(`[linter] ${doc.uri.fsPath || doc.uri.toString()}: ${response.error}`);
      s.sentOnce = false; // the worker dropped its analyzer; the next request sends everything
    }
    // Stale: the user typed on while the worker was busy; a newer run is already scheduled.
    if (doc.isClosed || doc.version !== version) return;
    s.findings = response.findings;
    s.findingsVersion = version;
    collection.set(doc.uri, response.findings.map((f) => toDiagnostic(doc, f)));
    linted.fire(doc.uri);
  }

  function schedule(doc: vscode.TextDocument, delay: number): void {
    if (!isLinted(doc)) return;
    const s = stateOf(doc);
    clearTimeout(s.timer);
    s.timer = setTimeout(() => void lint(doc).catch((e: unknown) => output.appendLine(`[linter] ${String((e as Error)?.stack ?? e)}`)), delay);
  }

  context.subscriptions.push(
    collection,
    linted,
    vscode.workspace.onDidOpenTextDocument((doc) => schedule(doc, 0)),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (!isLinted(e.document) || e.contentChanges.length === 0) return;
      const s = stateOf(e.document);
      // Only a single edit is sent as an incremental change; anything else re-parses in full.
      if (s.changes && s.changes.length === 0 && e.contentChanges.length === 1) {
        const c = e.contentChanges[0];
        s.changes = [{ start: c.rangeOffset, end: c.rangeOffset + c.rangeLength, newText: c.text }];
      } else {
        s.changes = undefined;
      }
      schedule(e.document, DEBOUNCE_MS);
    }),
    vscode.workspace.onDidCloseTextDocument((doc) => {
      const key = doc.uri.toString();
      const s = states.get(key);
      if (s) clearTimeout(s.timer);
      states.delete(key);
      collection.delete(doc.uri);
      client.forget(key);
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('weakrefLessons.lint')) return;
      for (const problem of settings().problems) output.appendLine(`[linter] ${problem}`);
      for (const doc of vscode.workspace.textDocuments) schedule(doc, 0);
    }),
    { dispose: () => states.forEach((s) => clearTimeout(s.timer)) },
  );
  for (const problem of settings().problems) output.appendLine(`[linter] ${problem}`);
  for (const doc of vscode.workspace.textDocuments) schedule(doc, 0);

  return {
    onDidLint: linted.event,
    findingsFor(doc) {
      const s = states.get(doc.uri.toString());
      return s && s.findingsVersion === doc.version ? s.findings : undefined;
    },
    async lintNow(doc) {
      await lint(doc);
      return collection.get(doc.uri) ?? [];
    },
  };
}
