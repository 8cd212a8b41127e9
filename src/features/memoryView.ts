// "Run with Memory View": runs a file under the memory engine (src/memory/) and shows its report
// in a webview panel. Thin: the run, the report and the HTML are built by vscode-free modules.
// Like every run, it asks first in Restricted Mode for a file from the workspace.
import * as path from 'path';
import * as vscode from 'vscode';
import { runtimeOf } from '../runner/pythonCommand';
import { DEFAULT_MAX_HEAP_MB, startMemoryRun, type MemoryRun } from '../memory/runMemory';
import type { MemoryReport } from '../memory/report';
import { createNonce } from './lessonView/page';
import { renderMemoryPage } from './memoryView/page';
import { validateMemoryMessage } from './memoryView/messages';
import { mayRunInWorkspace } from './restrictedRun';
import { saveIfDirty } from './saveIfDirty';
import { exampleFromArg, type LessonServices } from './services';

const VIEW_TYPE = 'weakrefLessons.memoryView';
export const MEMORY_COMMAND = 'weakrefLessons.runWithMemoryView';

export interface MemoryViews {
  /** The panel and the report it shows, for tests. */
  readonly current: { panel: vscode.WebviewPanel; report: MemoryReport | undefined } | undefined;
  /** Runs a file (or a lesson example) with the memory view; resolves when its report is on show. */
  run(arg: unknown): Promise<MemoryReport | undefined>;
}

export function registerMemoryView(services: LessonServices): MemoryViews {
  const { context, catalog, runner, output } = services;
  const mediaRoot = vscode.Uri.joinPath(context.extensionUri, 'media');
  let panel: vscode.WebviewPanel | undefined;
  let report: MemoryReport | undefined;
  let active: MemoryRun | undefined;

  const show = (state: Parameters<typeof renderMemoryPage>[0]) => {
    if (!panel) {
      panel = vscode.window.createWebviewPanel(VIEW_TYPE, vscode.l10n.t('Memory View'), vscode.ViewColumn.Beside, {
        enableScripts: true,
        localResourceRoots: [mediaRoot],
        enableFindWidget: true,
      });
      panel.iconPath = vscode.Uri.joinPath(mediaRoot, 'activity.svg');
      panel.onDidDispose(() => {
        panel = undefined;
        report = undefined;
        active?.stop();
      });
      panel.webview.onDidReceiveMessage((raw: unknown) => {
        const checked = validateMemoryMessage(raw, report);
        if (!checked.ok) return output.appendLine(`[memory view] ignored a message from the page: ${checked.reason}`);
        const { file, line } = checked.message;
        void vscode.window.showTextDocument(vscode.Uri.file(file), {
          viewColumn: vscode.ViewColumn.One,
          selection: new vscode.Range(line - 1, 0, line - 1, 0),
        });
      });
    }
    const webview = panel.webview;
    webview.html = renderMemoryPage(state, {
      cspSource: webview.cspSource,
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(mediaRoot, 'memoryView.css')).toString(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(mediaRoot, 'memoryView.js')).toString(),
      nonce: createNonce(),
    });
    panel.reveal(undefined, true);
  };

  /** A lesson example (node or ids), a file's Uri, or nothing: the active editor's file. */
  const fileOf = (arg: unknown): string | undefined => {
    const example = exampleFromArg(catalog, arg);
    if (example) return example.example.file;
    const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
    if (!uri || uri.scheme !== 'file' || !/\.((c|m)?js|py)$/i.test(uri.fsPath)) return undefined;
    return uri.fsPath;
  };

  const mayRun = (file: string) =>
    mayRunInWorkspace(
      context,
      file,
      vscode.l10n.t(
        'This workspace is in Restricted Mode. Run "{0}" with the memory view anyway?',
        path.basename(file),
      ),
    );

  async function run(arg: unknown): Promise<MemoryReport | undefined> {
    const file = fileOf(arg);
    if (!file) {
      void vscode.window.showErrorMessage(
        vscode.l10n.t('Run with Memory View needs a saved JavaScript (.js, .mjs, .cjs) or Python (.py) file.'),
      );
      return undefined;
    }
    if (!(await mayRun(file)) || !(await saveIfDirty(file))) return undefined;
    // The runner's probes say clearly when node or python is missing or too old.
    const usable = runtimeOf(file) === 'python' ? await runner.preparePython(file) : await runner.prepareNode(file);
    if (!usable) return undefined;
    const config = vscode.workspace.getConfiguration('weakrefLessons');
    active?.stop();
    report = undefined;
    show({ running: path.basename(file) });
    const current = startMemoryRun({
      file,
      nodePath: config.get('nodePath'),
      nodeArgs: config.get('nodeArgs'),
      pythonPath: config.get('pythonPath'),
      maxHeapMb: config.get<number>('memory.maxHeapMb') ?? DEFAULT_MAX_HEAP_MB,
      onOutput: (text) => output.append(text),
    });
    active = current;
    try {
      const result = await current.done;
      if (active !== current) return undefined; // a newer run replaced this one
      report = result;
      if (panel) show({ report: result });
      return result;
    } catch (e) {
      output.appendLine(`[memory view] ${(e as Error).message}`);
      if (panel) show({ failed: vscode.l10n.t('The memory view could not run: {0}', (e as Error).message) });
      return undefined;
    } finally {
      if (active === current) active = undefined;
    }
  }

  const isRunnable = (document: vscode.TextDocument) =>
    document.uri.scheme === 'file' && /\.((c|m)?js|py)$/i.test(document.uri.fsPath);

  context.subscriptions.push(
    vscode.commands.registerCommand(MEMORY_COMMAND, (arg: unknown) => run(arg)),
    vscode.languages.registerCodeLensProvider(
      [
        { scheme: 'file', language: 'javascript' },
        { scheme: 'file', language: 'python' },
      ],
      {
        provideCodeLenses: (document) =>
          isRunnable(document)
            ? [
                new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), {
                  title: vscode.l10n.t('$(graph) Run with Memory View'),
                  command: MEMORY_COMMAND,
                  arguments: [document.uri],
                }),
              ]
            : [],
      },
    ),
    { dispose: () => active?.stop() },
  );

  return {
    get current() {
      return panel ? { panel, report } : undefined;
    },
    run,
  };
}
