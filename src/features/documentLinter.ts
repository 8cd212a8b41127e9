// Lints one open document at a time in the worker and keeps what came back: the findings
// behind its diagnostics and the edits since the worker last saw it. An answer for an older
// version of the document is dropped.
import * as path from 'path';
import * as vscode from 'vscode';
import { languageOfFile, mightNeedLinting } from '../analysis/languages';
import type { Finding } from '../analysis/types';
import { ChangeTracker } from '../linting/changeTracker';
import { eslintConfigWithPlugin } from '../linting/eslintConfig';
import type { LintClient } from '../linting/client';
import type { LintSettings } from '../linting/settings';
import { isInsideAny } from '../runner/paths';
import { engineFileName, notAnalysedDiagnostic, toDiagnostic } from './findingDiagnostics';

export const LINT_LANGUAGES = ['javascript', 'javascriptreact', 'typescript', 'typescriptreact', 'python'];

interface DocState {
  timer?: NodeJS.Timeout;
  changes: ChangeTracker;
  findings: Finding[];
  findingsVersion: number;
  /** Set once the user has been told that this file is too large. */
  toldTooLarge?: boolean;
}

export class DocumentLinter implements vscode.Disposable {
  private readonly states = new Map<string, DocState>();
  private readonly linted = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidLint = this.linted.event;

  constructor(
    private readonly collection: vscode.DiagnosticCollection,
    private readonly client: LintClient,
    private readonly settings: () => LintSettings,
    private readonly output: vscode.OutputChannel,
    /** The lessons' folders: findings there are the lesson's, not the user's. */
    private readonly lessonRoots: readonly string[],
  ) {}

  isLinted(doc: vscode.TextDocument): boolean {
    return LINT_LANGUAGES.includes(doc.languageId) && (doc.uri.scheme === 'file' || doc.uri.scheme === 'untitled');
  }

  /** The findings behind the current diagnostics, if they belong to this version of the document. */
  findingsFor(doc: vscode.TextDocument): Finding[] | undefined {
    const s = this.states.get(doc.uri.toString());
    return s && s.findingsVersion === doc.version ? s.findings : undefined;
  }

  /** Records an edit, so the worker re-parses only what changed. */
  recordChanges(doc: vscode.TextDocument, changes: readonly vscode.TextDocumentContentChangeEvent[]): void {
    this.stateOf(doc).changes.record(
      changes.map((c) => ({ start: c.rangeOffset, end: c.rangeOffset + c.rangeLength, newText: c.text })),
    );
  }

  schedule(doc: vscode.TextDocument, delay: number): void {
    if (!this.isLinted(doc)) return;
    const s = this.stateOf(doc);
    clearTimeout(s.timer);
    s.timer = setTimeout(
      () =>
        void this.lint(doc).catch((e: unknown) =>
          this.output.appendLine(`[linter] ${String((e as Error)?.stack ?? e)}`),
        ),
      delay,
    );
  }

  forget(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    clearTimeout(this.states.get(key)?.timer);
    this.states.delete(key);
    this.collection.delete(doc.uri);
    this.client.forget(key);
  }

  async lint(doc: vscode.TextDocument): Promise<void> {
    const s = this.stateOf(doc);
    clearTimeout(s.timer);
    s.timer = undefined;
    const config = this.settings();
    if (!config.enabled || !this.isLinted(doc) || doc.isClosed || (await this.leftToEslint(doc, config)))
      return this.clear(doc, s);
    const version = doc.version;
    const text = doc.getText();
    if (text.length > config.maxFileSize) return this.tooLarge(doc, s, config.maxFileSize);
    // A NUL in the text means binary data opened as JavaScript: nothing to say about it.
    if (text.includes('\u0000') || !mightNeedLinting(text, engineFileName(doc), doc.languageId)) {
      this.clear(doc, s);
      this.linted.fire(doc.uri);
      return;
    }
    const response = await this.client.lint({
      key: doc.uri.toString(),
      fileName: engineFileName(doc),
      text,
      changes: s.changes.take(),
      options: config.options,
    });
    const notAnalysed = response.failure?.message ?? response.error;
    if (notAnalysed) {
      this.output.appendLine(`[linter] ${doc.uri.fsPath || doc.uri.toString()}: ${notAnalysed}`);
      s.changes.reset(); // the worker dropped its analyzer; the next request sends everything
    }
    // Stale: the user typed on while the worker was busy; a newer run is already scheduled.
    if (doc.isClosed || doc.version !== version) return;
    s.findings = response.findings;
    s.findingsVersion = version;
    const inLesson = doc.uri.scheme === 'file' && isInsideAny(doc.uri.fsPath, this.lessonRoots);
    const diagnostics = response.findings.map((f) => toDiagnostic(doc, f, inLesson));
    // A file that could not be analysed must not look clean: say so where the user looks.
    if (notAnalysed) diagnostics.unshift(notAnalysedDiagnostic(doc, notAnalysed));
    this.collection.set(doc.uri, diagnostics);
    this.linted.fire(doc.uri);
  }

  dispose(): void {
    this.states.forEach((s) => clearTimeout(s.timer));
    this.linted.dispose();
  }

  /**
   * "auto": the ESLint extension already shows these findings for this file; once is enough.
   * ESLint never lints Python. The ESLint extension does not run in Restricted Mode, so there the
   * files are ours too, and the workspace's configs stay unread.
   */
  private async leftToEslint(doc: vscode.TextDocument, config: LintSettings): Promise<boolean> {
    return (
      config.deferToEslint &&
      vscode.workspace.isTrusted &&
      doc.uri.scheme === 'file' &&
      languageOfFile(doc.uri.fsPath, doc.languageId) === 'javascript' &&
      !!(await eslintConfigWithPlugin(doc.uri.fsPath))
    );
  }

  private tooLarge(doc: vscode.TextDocument, s: DocState, maxFileSize: number): void {
    this.clear(doc, s);
    if (s.toldTooLarge) return;
    s.toldTooLarge = true;
    void vscode.window.showInformationMessage(
      vscode.l10n.t(
        'Weak References: {0} is not linted: it is larger than weakrefLessons.lint.maxFileSize ({1} bytes).',
        path.basename(doc.uri.path),
        maxFileSize,
      ),
    );
  }

  private clear(doc: vscode.TextDocument, s: DocState): void {
    this.collection.delete(doc.uri);
    s.findings = [];
    s.findingsVersion = doc.version;
    s.changes.reset();
    this.client.forget(doc.uri.toString());
  }

  private stateOf(doc: vscode.TextDocument): DocState {
    const key = doc.uri.toString();
    let s = this.states.get(key);
    if (!s) this.states.set(key, (s = { changes: new ChangeTracker(), findings: [], findingsVersion: -1 }));
    return s;
  }
}
