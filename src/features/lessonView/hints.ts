// An exercise's graded hints on the lesson page. Only the hints already revealed are in the
// page, so a hint cannot be read ahead of time (the find widget, a screen reader's browse
// mode); the next one comes from the extension when the learner asks for it.
import { escapeHtml } from './html';
import { renderInlineMarkdown } from './markdown';

export function renderHints(lessonId: string, hints: readonly string[], used: number): string {
  const shown = hints.slice(0, Math.max(0, Math.min(used, hints.length)));
  const items = shown.map(
    (hint, i) =>
      // The newest hint takes the focus (media/lessonView.js), so a keyboard or screen-reader user lands on it.
      `<li class="hint" tabindex="-1"${i === shown.length - 1 ? ' data-newest-hint' : ''}><span class="hint-label">Hint ${i + 1} of ${hints.length}:</span> ${renderInlineMarkdown(hint)}</li>`,
  );
  const list = items.length ? `<ol class="hint-list">${items.join('')}</ol>` : '';
  const next =
    shown.length < hints.length
      ? `<button type="button" class="secondary" data-action="hint" data-lesson="${escapeHtml(lessonId)}">${shown.length === 0 ? 'Show a hint' : 'Show the next hint'} (${shown.length + 1} of ${hints.length})</button>`
      : `<p class="muted">All ${hints.length} hints are shown.</p>`;
  return `${list}<div class="actions">${next}</div>`;
}

/** Said beside a check result: a plain count, the same words whether it is 0 or all of them. */
export function hintsUsedNote(used: number, total: number): string {
  return total > 0 ? `Hints used: ${Math.min(used, total)} of ${total}.` : '';
}
