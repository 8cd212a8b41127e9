// What completes a lesson and how far the learner is, in words: shown on the lesson page and
// in the Lessons tree's tooltip.
import * as l10n from '@vscode/l10n';
import type { LessonCompletion } from '../../lessons/progress';
import { escapeHtml } from './html';

export function completionText(c: LessonCompletion): string {
  if (c.by === 'exercise')
    return c.completed
      ? l10n.t('Completed: your solution passed the check.')
      : l10n.t('Completed when your solution passes the check.');
  const ran = l10n.t('{0} of {1} examples run.', c.examplesRun, c.examples);
  return c.completed ? l10n.t('Completed. {0}', ran) : l10n.t('Completed when you have run every example. {0}', ran);
}

/** The page's progress line; the extension replaces it as the learner runs examples. */
export function renderCompletion(c: LessonCompletion): string {
  return `<p class="completion${c.completed ? ' done' : ''}">${escapeHtml(completionText(c))}</p>`;
}
