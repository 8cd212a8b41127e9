// What each button on the lesson page does, one named handler per message the page may send
// (validated by ./messages.ts first). Most are the command of the same name, so the palette,
// the tree and the page do the same thing.
import * as vscode from 'vscode';
import type { CheckReport } from '../../exercises/types';
import { exerciseVariant } from '../../exercises/variant';
import type { Language, Lesson } from '../../lessons/types';
import type { LessonServices } from '../services';
import { MEMORY_COMMAND } from '../memoryView';
import { renderChart } from './chart';
import { renderHints } from './hints';
import { element, escapeHtml } from './html';
import { measureChart } from './measure';
import type { PageMessage } from './messages';
import { renderCheckResults, renderCheckRunning } from './results';

const CHART_TIMEOUT_MS = 60_000;

/** Messages the extension sends to the page (media/lessonView.js renders them as given). */
export type HostMessage =
  | { type: 'checkResults' | 'hints'; language: Language; html: string }
  | { type: 'chart'; exampleId: string; html: string }
  | { type: 'completion'; html: string }
  | { type: 'language'; language: Language }
  | { type: 'running'; running: boolean }
  | { type: 'editedCopies'; exampleIds: string[] };

export interface PageContext {
  services: LessonServices;
  post(message: HostMessage): void;
  /** Opens another lesson in its own panel. */
  openLesson(lesson: Lesson): Promise<void>;
}

/** The message of one type (a member of PageMessage may stand for several types). */
type MessageOf<T extends PageMessage['type']> = PageMessage & { type: T };
type Handler<T extends PageMessage['type']> = (msg: MessageOf<T>, page: PageContext) => Promise<void>;
type Handlers = { [T in PageMessage['type']]: Handler<T> };

/** The exercise commands' argument: the lesson, and the version the page's button belongs to. */
function exerciseArg(msg: { lesson: Lesson; language?: Language }): { lessonId: string; language?: Language } {
  return { lessonId: msg.lesson.id, ...(msg.language ? { language: msg.language } : {}) };
}

const exampleArg = (msg: { lesson: Lesson; example: { id: string } }) => ({
  lessonId: msg.lesson.id,
  exampleId: msg.example.id,
});

const muted = (text: string) => element('p', { class: 'muted' }, escapeHtml(text));

async function drawChart(msg: MessageOf<'chart'>, page: PageContext): Promise<void> {
  const invocation = await page.services.runner.prepareNode(msg.example.file);
  if (!invocation) return;
  const exampleId = msg.example.id;
  page.post({ type: 'chart', exampleId, html: muted(vscode.l10n.t('Measuring…')) });
  const result = await measureChart({ invocation, timeoutMs: CHART_TIMEOUT_MS });
  page.post({
    type: 'chart',
    exampleId,
    html: result.ok
      ? renderChart(result.data, undefined, `chart-${exampleId}`)
      : element('p', { class: 'problem' }, escapeHtml(result.message)),
  });
}

async function revealHint(msg: MessageOf<'hint'>, page: PageContext): Promise<void> {
  const { progress, language } = page.services;
  const variant = exerciseVariant(msg.lesson.exercise!, msg.language ?? language.get());
  const used = await progress.revealHint(msg.lesson.id);
  page.post({
    type: 'hints',
    language: variant.language,
    html: renderHints(msg.lesson.id, variant.language, variant.hints, used),
  });
}

async function checkSolution(msg: MessageOf<'checkSolution'>, page: PageContext): Promise<void> {
  const { progress, language } = page.services;
  const variant = exerciseVariant(msg.lesson.exercise!, msg.language ?? language.get());
  page.post({ type: 'checkResults', language: variant.language, html: renderCheckRunning() });
  // fromPage: the page shows the result, so the command does not repeat it in a notification.
  const report = await vscode.commands.executeCommand<CheckReport | undefined>('weakrefLessons.checkSolution', {
    lessonId: msg.lesson.id,
    language: variant.language,
    fromPage: true,
  });
  const context = {
    lessonId: msg.lesson.id,
    language: variant.language,
    hintsUsed: progress.hintsUsed(msg.lesson.id),
    hintCount: variant.hints.length,
  };
  page.post({
    type: 'checkResults',
    language: variant.language,
    html: report ? renderCheckResults(report, context) : muted(vscode.l10n.t('Not checked.')),
  });
}

/** Each exercise page action is the command of the same name. */
const exerciseCommand = async (msg: { type: string; lesson: Lesson; language?: Language }) =>
  void (await vscode.commands.executeCommand(`weakrefLessons.${msg.type}`, exerciseArg(msg)));

export const PAGE_ACTIONS: Handlers = {
  ready: () => Promise.resolve(),
  setLanguage: async (msg, page) => page.services.language.set(msg.language),
  run: async (msg) => void (await vscode.commands.executeCommand('weakrefLessons.runExample', exampleArg(msg))),
  memory: async (msg) => void (await vscode.commands.executeCommand(MEMORY_COMMAND, exampleArg(msg))),
  stop: async () => void (await vscode.commands.executeCommand('weakrefLessons.stopExample')),
  open: async (msg) => void (await vscode.commands.executeCommand('weakrefLessons.openExample', exampleArg(msg))),
  restore: async (msg) => void (await vscode.commands.executeCommand('weakrefLessons.restoreExample', exampleArg(msg))),
  chart: drawChart,
  goto: async (msg, page) => page.openLesson(msg.target),
  openExercise: exerciseCommand,
  revealSolution: exerciseCommand,
  compareSolution: exerciseCommand,
  hint: revealHint,
  checkSolution,
};

export function handlePageMessage(msg: PageMessage, page: PageContext): Promise<void> {
  // Each handler takes its own message type; the table is indexed by that same type.
  const handler = PAGE_ACTIONS[msg.type] as (m: PageMessage, p: PageContext) => Promise<void>;
  return handler(msg, page);
}
