// Live diagnostics: every open JavaScript/TypeScript document (untitled ones too) is linted in
// the worker, debounced while the user types; an answer for an older version is dropped.
import * as path from 'path';
import * as vscode from 'vscode';
import { languageOfFile, mightNeedLinting } from '../analysis/languages';
import { isRuleId, ruleDefinition } from '../analysis/ruleMeta';
import type { Finding } from '../analysis/types';
import { ChangeTracker } from '../linting/changeTracker';
import { eslintConfigWithPlugin } from '../linting/eslintConfig';
import type { LintClient } from '../linting/client';
import type { LintSettings } from '../linting/settings';

export const LINT_LANGUAGES = ['javascript', 'javascriptreact', 'typescript', 'typescriptreact', 'python'];
const UNTITLED_EXTENSION: Record<string, string> = {
  javascript: '.js',
  javascriptreact: '.jsx',
  typescript: '.ts',
  typescriptreact: '.tsx',
  python: '.py',
};
const DEBOUNCE_MS = 200;
/** The code of the diagnostic that says a file could not be analysed (it has no quick fixes). */
export const NOT_ANALYSED = 'not-analysed';

interface DocState {
  timer?: NodeJS.Timeout;
  changes: ChangeTracker;
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
  if (doc.uri.scheme === 'untitled' || !/\.((c|m)?(j|t)sx?|py)$/.test(doc.uri.path))
    return `${path.basename(doc.uri.path) || 'untitled'}${UNTITLED_EXTENSION[doc.languageId] ?? '.js'}`;
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
  const ruleDoc = (rule: Parameters<typeof ruleDefinition>[0]) =>
    vscode.Uri.joinPath(context.extensionUri, ...ruleDefinition(rule).docs.split('/'));
  const isLinted = (doc: vscode.TextDocument) =>
    LINT_LANGUAGES.includes(doc.languageId) && (doc.uri.scheme === 'file' || doc.uri.scheme === 'untitled');
  const stateOf = (doc: vscode.TextDocument) => {
    const key = doc.uri.toString();
    let s = states.get(key);
    if (!s) states.set(key, (s = { changes: new ChangeTracker(), findings: [], findingsVersion: -1 }));
    return s;
  };

  function toDiagnostic(doc: vscode.TextDocument, f: Finding): vscode.Diagnostic {
    const d = new vscode.Diagnostic(
      new vscode.Range(doc.positionAt(f.start), doc.positionAt(f.end)),
      f.message,
      severities[f.severity],
    );
    d.source = 'weakref';
    d.code = isRuleId(f.rule) ? { value: f.rule, target: ruleDoc(f.rule) } : f.rule;
    return d;
  }

  function notAnalysedDiagnostic(doc: vscode.TextDocument, why: string): vscode.Diagnostic {
    const d = new vscode.Diagnostic(
      doc.lineAt(0).range,
      vscode.l10n.t('weakref: this file was not linted: {0}', why),
      vscode.DiagnosticSeverity.Information,
    );
    d.source = 'weakref';
    d.code = NOT_ANALYSED;
    return d;
  }

  function clear(doc: vscode.TextDocument, s: DocState): void {
    collection.delete(doc.uri);
    s.findings = [];
    s.findingsVersion = doc.version;
    s.changes.reset();
    client.forget(doc.uri.toString());
  }

  async function lint(doc: vscode.TextDocument): Promise<void> {
    const s = stateOf(doc);
    clearTimeout(s.timer);
    s.timer = undefined;
    const config = settings();
    if (!config.enabled || !isLinted(doc) || doc.isClosed) return void clear(doc, s);
    // "auto": the ESLint extension already shows these findings for this file; once is enough.
    // ESLint never lints Python, so a Python file is always ours. The ESLint extension does not
    // run in Restricted Mode, so there the files are ours too, and the workspace's configs unread.
    if (
      config.deferToEslint &&
      vscode.workspace.isTrusted &&
      doc.uri.scheme === 'file' &&
      languageOfFile(doc.uri.fsPath, doc.languageId) === 'javascript' &&
      (await eslintConfigWithPlugin(doc.uri.fsPath))
    )
      return void clear(doc, s);
    const version = doc.version;
    const text = doc.getText();
    if (text.length > config.maxFileSize) {
      clear(doc, s);
      if (!s.toldTooLarge) {
        s.toldTooLarge = true;
        void vscode.window.showInformationMessage(
          vscode.l10n.t(
            'Weak References: {0} is not linted: it is larger than weakrefLessons.lint.maxFileSize ({1} bytes).',
            path.basename(doc.uri.path),
            config.maxFileSize,
          ),
        );
      }
      return;
    }
    // A NUL in the text means binary data opened as JavaScript: nothing to say about it.
    if (text.includes('\u0000') || !mightNeedLinting(text, engineFileName(doc), doc.languageId)) {
      clear(doc, s);
      linted.fire(doc.uri);
      return;
    }
    const response = await client.lint({
      key: doc.uri.toString(),
      fileName: engineFileName(doc),
      text,
      changes: s.changes.take(),
      options: config.options,
    });
    const notAnalysed = response.failure?.message ?? response.error;
    if (notAnalysed) {
      output.appendLine(`[linter] ${doc.uri.fsPath || doc.uri.toString()}: ${notAnalysed}`);
      s.changes.reset(); // the worker dropped its analyzer; the next request sends everything
    }
    // Stale: the user typed on while the worker was busy; a newer run is already scheduled.
    if (doc.isClosed || doc.version !== version) return;
    s.findings = response.findings;
    s.findingsVersion = version;
    const diagnostics = response.findings.map((f) => toDiagnostic(doc, f));
    // A file that could not be analysed must not look clean: say so where the user looks.
    if (notAnalysed) diagnostics.unshift(notAnalysedDiagnostic(doc, notAnalysed));
    collection.set(doc.uri, diagnostics);
    linted.fire(doc.uri);
  }

  function schedule(doc: vscode.TextDocument, delay: number): void {
    if (!isLinted(doc)) return;
    const s = stateOf(doc);
    clearTimeout(s.timer);
    s.timer = setTimeout(
      () => void lint(doc).catch((e: unknown) => output.appendLine(`[linter] ${String((e as Error)?.stack ?? e)}`)),
      delay,
    );
  }

  context.subscriptions.push(
    collection,
    linted,
    vscode.workspace.onDidOpenTextDocument((doc) => schedule(doc, 0)),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (!isLinted(e.document) || e.contentChanges.length === 0) return;
      stateOf(e.document).changes.record(
        e.contentChanges.map((c) => ({ start: c.rangeOffset, end: c.rangeOffset + c.rangeLength, newText: c.text })),
      );
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
    // Trusted now, "auto" may find that ESLint lints a file after all.
    vscode.workspace.onDidGrantWorkspaceTrust(() => vscode.workspace.textDocuments.forEach((d) => schedule(d, 0))),
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
