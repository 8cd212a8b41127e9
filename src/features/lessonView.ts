// The lesson view: one webview panel per lesson, rendered from the catalogue by the pure
// modules in ./lessonView/. The page can only ask; every message is validated before it acts.
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { Language, Lesson, LessonExample } from '../lessons/types';
import type { CheckReport } from '../exercises/types';
import { exerciseVariant } from '../exercises/variant';
import { renderCheckResults, renderCheckRunning } from './lessonView/results';
import { renderHints } from './lessonView/hints';
import { createNonce, renderLessonPage, type CodeSource, type Neighbours } from './lessonView/page';
import { validateMessage } from './lessonView/messages';
import { measureChart } from './lessonView/measure';
import { renderChart } from './lessonView/chart';
import { escapeHtml } from './lessonView/html';
import { lessonFromArg, type LessonServices } from './services';
import { MEMORY_COMMAND } from './memoryView';

const VIEW_TYPE = 'weakrefLessons.lesson';
const CHART_TIMEOUT_MS = 60_000;

/** Messages the extension sends to the page (media/lessonView.js renders them as given). */
type HostMessage =
  | { type: 'checkResults' | 'hints'; language: Language; html: string }
  | { type: 'chart'; exampleId: string; html: string }
  | { type: 'language'; language: Language };

export interface LessonViews {
  /** The open panel of a lesson, for tests. */
  panel(lessonId: string): vscode.WebviewPanel | undefined;
}

const codeOf: CodeSource = (example: LessonExample) => {
  try {
    return { code: fs.readFileSync(example.file, 'utf8') };
  } catch (e) {
    return { error: (e as Error).message };
  }
};

/** The exercise commands' argument: the lesson, and the version the page's button belongs to. */
function exerciseArg(msg: { lesson: Lesson; language?: Language }): { lessonId: string; language?: Language } {
  return { lessonId: msg.lesson.id, ...(msg.language ? { language: msg.language } : {}) };
}

export function registerLessonView(services: LessonServices): LessonViews {
  const { context, catalog, progress, language, output } = services;
  const panels = new Map<string, vscode.WebviewPanel>();
  const mediaRoot = vscode.Uri.joinPath(context.extensionUri, 'media');

  function neighbours(lesson: Lesson): Neighbours {
    const lessons = catalog.get().lessons;
    const at = lessons.findIndex((l) => l.id === lesson.id);
    return {
      previous: at > 0 ? lessons[at - 1] : undefined,
      next: at >= 0 && at + 1 < lessons.length ? lessons[at + 1] : undefined,
    };
  }

  function render(panel: vscode.WebviewPanel, lesson: Lesson): void {
    const webview = panel.webview;
    panel.title = lesson.title;
    webview.html = renderLessonPage(
      lesson,
      codeOf,
      {
        cspSource: webview.cspSource,
        styleUri: webview.asWebviewUri(vscode.Uri.joinPath(mediaRoot, 'lessonView.css')).toString(),
        scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(mediaRoot, 'lessonView.js')).toString(),
        nonce: createNonce(),
      },
      neighbours(lesson),
      language.get(),
      { hintsUsed: progress.hintsUsed(lesson.id) },
    );
  }

  async function handle(panel: vscode.WebviewPanel, lessonId: string, raw: unknown): Promise<void> {
    const checked = validateMessage(raw, lessonId, catalog);
    if (!checked.ok) {
      output.appendLine(`[lesson view] ignored a message from the page: ${checked.reason}`);
      return;
    }
    const post = (m: HostMessage) => void panel.webview.postMessage(m);
    const msg = checked.message;
    switch (msg.type) {
      case 'ready':
        return;
      case 'setLanguage':
        await language.set(msg.language);
        return;
      case 'run':
        await vscode.commands.executeCommand('weakrefLessons.runExample', {
          lessonId: msg.lesson.id,
          exampleId: msg.example.id,
        });
        return;
      case 'memory':
        await vscode.commands.executeCommand(MEMORY_COMMAND, { lessonId: msg.lesson.id, exampleId: msg.example.id });
        return;
      case 'stop':
        await vscode.commands.executeCommand('weakrefLessons.stopExample');
        return;
      case 'open':
        await vscode.commands.executeCommand('weakrefLessons.openExample', {
          lessonId: msg.lesson.id,
          exampleId: msg.example.id,
        });
        return;
      case 'chart': {
        const invocation = await services.runner.prepareNode(msg.example.file);
        if (!invocation) return;
        post({
          type: 'chart',
          exampleId: msg.example.id,
          html: `<p class="muted">${escapeHtml(vscode.l10n.t('Measuring…'))}</p>`,
        });
        const result = await measureChart({ invocation, timeoutMs: CHART_TIMEOUT_MS });
        post({
          type: 'chart',
          exampleId: msg.example.id,
          html: result.ok
            ? renderChart(result.data, undefined, `chart-${msg.example.id}`)
            : `<p class="problem">${escapeHtml(result.message)}</p>`,
        });
        return;
      }
      case 'goto':
        await open(msg.target);
        return;
      case 'openExercise':
      case 'revealSolution':
      case 'compareSolution': {
        // Each of these page actions is the command of the same name.
        await vscode.commands.executeCommand(`weakrefLessons.${msg.type}`, exerciseArg(msg));
        return;
      }
      case 'hint': {
        const variant = exerciseVariant(msg.lesson.exercise!, msg.language ?? language.get());
        const used = await progress.revealHint(msg.lesson.id);
        post({
          type: 'hints',
          language: variant.language,
          html: renderHints(msg.lesson.id, variant.language, variant.hints, used),
        });
        return;
      }
      case 'checkSolution': {
        const variant = exerciseVariant(msg.lesson.exercise!, msg.language ?? language.get());
        post({ type: 'checkResults', language: variant.language, html: renderCheckRunning() });
        const report = await vscode.commands.executeCommand<CheckReport | undefined>('weakrefLessons.checkSolution', {
          lessonId: msg.lesson.id,
          language: variant.language,
        });
        const context = {
          lessonId: msg.lesson.id,
          language: variant.language,
          hintsUsed: progress.hintsUsed(msg.lesson.id),
          hintCount: variant.hints.length,
        };
        post({
          type: 'checkResults',
          language: variant.language,
          html: report
            ? renderCheckResults(report, context)
            : `<p class="muted">${escapeHtml(vscode.l10n.t('Not checked.'))}</p>`,
        });
        return;
      }
    }
  }

  async function open(lesson: Lesson): Promise<void> {
    let panel = panels.get(lesson.id);
    if (panel) {
      panel.reveal();
    } else {
      panel = vscode.window.createWebviewPanel(VIEW_TYPE, lesson.title, vscode.ViewColumn.Active, {
        enableScripts: true,
        localResourceRoots: [mediaRoot],
        enableFindWidget: true,
        // Check results and charts are drawn by the page script; keep them when the tab is hidden.
        retainContextWhenHidden: true,
      });
      panel.iconPath = vscode.Uri.joinPath(mediaRoot, 'activity.svg');
      const p = panel;
      panels.set(lesson.id, p);
      p.onDidDispose(() => panels.delete(lesson.id), null, context.subscriptions);
      p.webview.onDidReceiveMessage(
        (raw: unknown) =>
          handle(p, lesson.id, raw).catch((e: unknown) => {
            output.appendLine(`[lesson view] ${String((e as Error)?.stack ?? e)}`);
            void vscode.window.showErrorMessage(
              vscode.l10n.t('Weak References: {0}', (e as Error)?.message ?? String(e)),
            );
          }),
        null,
        context.subscriptions,
      );
      render(p, lesson);
    }
    await progress.markOpened(lesson.id);
  }

  context.subscriptions.push(
    vscode.commands.registerCommand('weakrefLessons.openLesson', async (arg?: unknown) => {
      let lesson = lessonFromArg(catalog, arg);
      if (!lesson && arg === undefined) {
        const picked = await vscode.window.showQuickPick(
          catalog
            .get()
            .lessons.map((l) => ({ label: l.title, description: l.topics.join(', '), detail: l.summary, lesson: l })),
          { placeHolder: vscode.l10n.t('Open a lesson'), matchOnDescription: true, matchOnDetail: true },
        );
        lesson = picked?.lesson;
      } else if (!lesson) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Weak References: there is no such lesson.'));
      }
      if (lesson) await open(lesson);
    }),
    // Every open lesson follows the choice, without a re-render that would lose results and charts.
    language.onDidChange((chosen) => {
      for (const panel of panels.values())
        void panel.webview.postMessage({ type: 'language', language: chosen } satisfies HostMessage);
    }),
    catalog.onDidChange(() => {
      for (const [id, panel] of panels) {
        const lesson = catalog.lesson(id);
        if (lesson) render(panel, lesson);
        else panel.dispose();
      }
    }),
    {
      dispose: () => {
        for (const p of panels.values()) p.dispose();
      },
    },
  );

  return { panel: (id) => panels.get(id) };
}
