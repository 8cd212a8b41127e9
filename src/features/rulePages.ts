// The rule pages a diagnostic's rule link opens: docs/rules/<id>.md served read-only under the
// weakref-rule: scheme, and shown rendered by a read-only custom editor (a webview), whose
// lesson link opens the lesson in the lesson view.
import * as path from 'path';
import * as vscode from 'vscode';
import { isRuleId, ruleDefinition } from '../analysis/ruleMeta';
import type { RuleId } from '../analysis/types';
import { createNonce } from './lessonView/page';
import { renderRulePage } from './lessonView/rulePage';
import type { CatalogStore } from './services';

const SCHEME = 'weakref-rule';
/** The custom editor's view type; package.json selects it for *.weakref-rule. */
const VIEW_TYPE = 'weakrefLessons.rulePage';
const EXTENSION = '.weakref-rule';

/** What a diagnostic's rule link points at. */
export function rulePageUri(rule: RuleId): vscode.Uri {
  return vscode.Uri.from({ scheme: SCHEME, path: `/${rule}${EXTENSION}` });
}

function ruleOf(uri: vscode.Uri): RuleId | undefined {
  const id = path.posix.basename(uri.path, EXTENSION);
  return isRuleId(id) ? id : undefined;
}

export function registerRulePages(context: vscode.ExtensionContext, catalog: CatalogStore): void {
  const docOf = (rule: RuleId) => vscode.Uri.joinPath(context.extensionUri, ...ruleDefinition(rule).docs.split('/'));
  const mediaRoot = vscode.Uri.joinPath(context.extensionUri, 'media');

  // Read-only: the page is the extension's own; opened as text (e.g. "Reopen Editor With…") it cannot be edited.
  const files: vscode.FileSystemProvider = {
    onDidChangeFile: new vscode.EventEmitter<vscode.FileChangeEvent[]>().event,
    watch: () => new vscode.Disposable(() => undefined),
    stat: async (uri) => {
      const rule = ruleOf(uri);
      if (!rule) throw vscode.FileSystemError.FileNotFound(uri);
      const stat = await vscode.workspace.fs.stat(docOf(rule));
      return { ...stat, permissions: vscode.FilePermission.Readonly };
    },
    readFile: async (uri) => {
      const rule = ruleOf(uri);
      if (!rule) throw vscode.FileSystemError.FileNotFound(uri);
      return vscode.workspace.fs.readFile(docOf(rule));
    },
    readDirectory: () => [],
    createDirectory: (uri) => {
      throw vscode.FileSystemError.NoPermissions(uri);
    },
    writeFile: (uri) => {
      throw vscode.FileSystemError.NoPermissions(uri);
    },
    delete: (uri) => {
      throw vscode.FileSystemError.NoPermissions(uri);
    },
    rename: (uri) => {
      throw vscode.FileSystemError.NoPermissions(uri);
    },
  };

  const lessonIdOfFolder = (folder: string) => catalog.get().lessons.find((l) => path.basename(l.dir) === folder)?.id;

  const editor: vscode.CustomReadonlyEditorProvider = {
    openCustomDocument: (uri) => ({ uri, dispose: () => undefined }),
    async resolveCustomEditor(document, panel) {
      const rule = ruleOf(document.uri);
      panel.webview.options = { enableScripts: true, localResourceRoots: [mediaRoot] };
      const markdown = rule
        ? new TextDecoder().decode(await vscode.workspace.fs.readFile(docOf(rule)))
        : `# ${vscode.l10n.t('There is no such rule.')}`;
      panel.webview.html = renderRulePage(markdown, lessonIdOfFolder, {
        cspSource: panel.webview.cspSource,
        styleUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(mediaRoot, 'lessonView.css')).toString(),
        scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(mediaRoot, 'rulePage.js')).toString(),
        nonce: createNonce(),
      });
      panel.webview.onDidReceiveMessage((raw: unknown) => {
        const msg = (raw ?? {}) as { type?: unknown; lessonId?: unknown; ruleId?: unknown };
        if (msg.type === 'openLesson' && typeof msg.lessonId === 'string' && catalog.lesson(msg.lessonId))
          void vscode.commands.executeCommand('weakrefLessons.openLesson', msg.lessonId);
        else if (msg.type === 'openRule' && typeof msg.ruleId === 'string' && isRuleId(msg.ruleId))
          void vscode.commands.executeCommand('vscode.openWith', rulePageUri(msg.ruleId), VIEW_TYPE);
      });
    },
  };

  context.subscriptions.push(
    vscode.workspace.registerFileSystemProvider(SCHEME, files, { isReadonly: true, isCaseSensitive: true }),
    vscode.window.registerCustomEditorProvider(VIEW_TYPE, editor, {
      webviewOptions: { enableFindWidget: true },
    }),
  );
}
