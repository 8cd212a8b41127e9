// The exercise check results as HTML for the lesson view.
import * as l10n from '@vscode/l10n';
import { allPassed, summarize, type CheckReport } from '../../exercises/types';
import { hintsUsedNote } from './hints';
import { escapeHtml } from './html';
import type { Language } from '../../lessons/types';

/** What the learner did besides the check itself; shown with the result. */
export interface ResultContext {
  lessonId: string;
  /** The version of the exercise that was checked; the compare button compares that one. */
  language: Language;
  hintsUsed: number;
  hintCount: number;
}

export function renderCheckResults(report: CheckReport, context?: ResultContext): string {
  const items = report.results.map((r) => {
    const state = r.passed ? 'passed' : 'failed';
    const why = !r.passed && r.message ? `<div class="check-message">${escapeHtml(r.message)}</div>` : '';
    return `<li class="check ${state}"><span class="check-state">${escapeHtml(r.passed ? l10n.t('✓ passed') : l10n.t('✗ failed'))}</span> <span class="check-requirement">${escapeHtml(r.requirement)}</span>${why}</li>`;
  });
  const passed = allPassed(report);
  const cls = passed ? 'summary passed' : 'summary failed';
  const note = context ? hintsUsedNote(context.hintsUsed, context.hintCount) : '';
  // After a pass, or on request after a failed check: the learner's file beside the reference.
  const compare =
    context && (passed || report.results.length > 0)
      ? `<div class="actions"><button type="button" class="${passed ? 'primary' : 'secondary'}" data-action="compareSolution" data-lesson="${escapeHtml(context.lessonId)}" data-language="${context.language}">${escapeHtml(l10n.t('Compare with the reference solution'))}</button></div>`
      : '';
  return [
    `<p class="${cls}">${escapeHtml(summarize(report))}${note ? ` <span class="hints-used">${escapeHtml(note)}</span>` : ''}</p>`,
    items.length ? `<ol class="checks">${items.join('')}</ol>` : '',
    compare,
  ].join('');
}

export function renderCheckRunning(): string {
  return `<p class="muted">${escapeHtml(l10n.t('Checking…'))}</p>`;
}
