// The lesson view: one webview panel per lesson, rendered from the catalogue by the pure
// modules in ./lessonView/. The page can only ask; every message is validated (./lessonView/
// messages.ts) before its handler (./lessonView/pageActions.ts) acts. What changes while a page
// is open (a run, an edited copy, progress) is sent to it rather than re-rendered, so check
// results and charts stay.
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { Lesson, LessonExample } from '../lessons/types';
import { createNonce, renderLessonPage, type CodeSource, type Neighbours } from './lessonView/page';
import { validateMessage } from './lessonView/messages';
import { renderCompletion } from './lessonView/completion';
import { handlePageMessage, type HostMessage } from './lessonView/pageActions';
import { lessonFromArg, type LessonServices } from './services';

const VIEW_TYPE = 'weakrefLessons.lesson';

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

export function registerLessonView(services: LessonServices): LessonViews {
  const { context, catalog, progress, language, output, runner } = services;
  const panels = new Map<string, vscode.WebviewPanel>();
  const mediaRoot = vscode.Uri.joinPath(context.extensionUri, 'media');
  const post = (panel: vscode.WebviewPanel, m: HostMessage) => void panel.webview.postMessage(m);

  function neighbours(lesson: Lesson): Neighbours {
    const lessons = catalog.get().lessons;
    const at = lessons.findIndex((l) => l.id === lesson.id);
    return {
      previous: at > 0 ? lessons[at - 1] : undefined,
      next: at >= 0 && at + 1 < lessons.length ? lessons[at + 1] : undefined,
    };
  }

  async function render(panel: vscode.WebviewPanel, lesson: Lesson): Promise<void> {
    const webview = panel.webview;
    panel.title = lesson.title;
    const editedExamples = await runner.editedExamples(lesson);
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
      {
        hintsUsed: progress.hintsUsed(lesson.id),
        editedExamples,
        running: !!runner.running,
        completion: progress.completion(lesson.id, language.get()),
      },
    );
  }

  const reportFailure = (e: unknown) => {
    output.appendLine(`[lesson view] ${String((e as Error)?.stack ?? e)}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('Weak References: {0}', (e as Error)?.message ?? String(e)));
  };

  function receive(panel: vscode.WebviewPanel, lessonId: string, raw: unknown): Promise<void> {
    const checked = validateMessage(raw, lessonId, catalog);
    if (!checked.ok) {
      output.appendLine(`[lesson view] ignored a message from the page: ${checked.reason}`);
      return Promise.resolve();
    }
    return handlePageMessage(checked.message, { services, post: (m) => post(panel, m), openLesson: open });
  }

  function createPanel(lesson: Lesson): vscode.WebviewPanel {
    const panel = vscode.window.createWebviewPanel(VIEW_TYPE, lesson.title, vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [mediaRoot],
      enableFindWidget: true,
      // Check results and charts are drawn by the page script; keep them when the tab is hidden.
      retainContextWhenHidden: true,
    });
    panel.iconPath = vscode.Uri.joinPath(mediaRoot, 'activity.svg');
    panels.set(lesson.id, panel);
    panel.onDidDispose(() => panels.delete(lesson.id), null, context.subscriptions);
    panel.webview.onDidReceiveMessage(
      (raw: unknown) => receive(panel, lesson.id, raw).catch(reportFailure),
      null,
      context.subscriptions,
    );
    return panel;
  }

  async function open(lesson: Lesson): Promise<void> {
    const panel = panels.get(lesson.id);
    if (panel) panel.reveal();
    else await render(createPanel(lesson), lesson);
    await progress.markOpened(lesson.id);
  }

  async function pickLesson(arg: unknown): Promise<Lesson | undefined> {
    const lesson = lessonFromArg(catalog, arg);
    if (lesson || arg !== undefined) {
      if (!lesson) void vscode.window.showErrorMessage(vscode.l10n.t('Weak References: there is no such lesson.'));
      return lesson;
    }
    const items = catalog
      .get()
      .lessons.map((l) => ({ label: l.title, description: l.topics.join(', '), detail: l.summary, lesson: l }));
    const picked = await vscode.window.showQuickPick(items, {
      placeHolder: vscode.l10n.t('Open a lesson'),
      matchOnDescription: true,
      matchOnDetail: true,
    });
    return picked?.lesson;
  }

  const rerenderAll = () => {
    for (const [id, panel] of panels) {
      const lesson = catalog.lesson(id);
      if (lesson) void render(panel, lesson).catch(reportFailure);
      else panel.dispose();
    }
  };
  const sendCompletion = () => {
    for (const [id, panel] of panels)
      post(panel, { type: 'completion', html: renderCompletion(progress.completion(id, language.get())) });
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('weakrefLessons.openLesson', async (arg?: unknown) => {
      const lesson = await pickLesson(arg);
      if (lesson) await open(lesson);
    }),
    // Every open lesson follows the choice, without a re-render that would lose results and charts.
    language.onDidChange((chosen) => {
      for (const panel of panels.values()) post(panel, { type: 'language', language: chosen });
      sendCompletion();
    }),
    progress.onDidChange(sendCompletion),
    // After Reset Progress a page starts again: no hints, no results.
    progress.onDidReset(rerenderAll),
    runner.onDidChangeRunning((running) => {
      for (const panel of panels.values()) post(panel, { type: 'running', running });
    }),
    runner.onDidChangeCopies(async (lessonId) => {
      const panel = panels.get(lessonId);
      const lesson = catalog.lesson(lessonId);
      if (panel && lesson) post(panel, { type: 'editedCopies', exampleIds: await runner.editedExamples(lesson) });
    }),
    catalog.onDidChange(rerenderAll),
    {
      dispose: () => {
        for (const p of panels.values()) p.dispose();
      },
    },
  );

  return { panel: (id) => panels.get(id) };
}
