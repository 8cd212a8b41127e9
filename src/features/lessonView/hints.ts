// An exercise's graded hints on the lesson page. Only the hints already revealed are in the
// page, so a hint cannot be read ahead of time (the find widget, a screen reader's browse
// mode); the next one comes from the extension when the learner asks for it.
import * as l10n from '@vscode/l10n';
import type { Language } from '../../lessons/types';
import { element, escapeHtml } from './html';
import { renderInlineMarkdown } from './markdown';

/** @param language the exercise's version these hints belong to; the next-hint button asks for that one. */
export function renderHints(lessonId: string, language: Language, hints: readonly string[], used: number): string {
  const shown = hints.slice(0, Math.max(0, Math.min(used, hints.length)));
  const items = shown.map((hint, i) =>
    element(
      'li',
      // The newest hint takes the focus (media/lessonView.js), so a keyboard or screen-reader user lands on it.
      { class: 'hint', tabindex: -1, 'data-newest-hint': i === shown.length - 1 },
      element('span', { class: 'hint-label' }, escapeHtml(l10n.t('Hint {0} of {1}:', i + 1, hints.length))),
      ' ',
      renderInlineMarkdown(hint),
    ),
  );
  const list = items.length ? `<ol class="hint-list">${items.join('')}</ol>` : '';
  const label =
    shown.length === 0
      ? l10n.t('Show a hint ({0} of {1})', shown.length + 1, hints.length)
      : l10n.t('Show the next hint ({0} of {1})', shown.length + 1, hints.length);
  const next =
    shown.length < hints.length
      ? element(
          'button',
          {
            type: 'button',
            class: 'secondary',
            'data-action': 'hint',
            'data-lesson': lessonId,
            'data-language': language,
          },
          escapeHtml(label),
        )
      : element('p', { class: 'muted' }, escapeHtml(l10n.t('All {0} hints are shown.', hints.length)));
  return `${list}<div class="actions">${next}</div>`;
}

/** Said beside a check result: a plain count, the same words whether it is 0 or all of them. */
export function hintsUsedNote(used: number, total: number): string {
  return total > 0 ? l10n.t('Hints used: {0} of {1}.', Math.min(used, total), total) : '';
}
