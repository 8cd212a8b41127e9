// The exercise check results as HTML for the lesson view.
import * as l10n from '@vscode/l10n';
import { allPassed, summarize, type CheckReport } from '../../exercises/types';
import { hintsUsedNote } from './hints';
import { element, escapeHtml } from './html';
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
  const items = report.results.map((r) =>
    element(
      'li',
      { class: `check ${r.passed ? 'passed' : 'failed'}` },
      element('span', { class: 'check-state' }, escapeHtml(r.passed ? l10n.t('✓ passed') : l10n.t('✗ failed'))),
      ' ',
      element('span', { class: 'check-requirement' }, escapeHtml(r.requirement)),
      !r.passed && r.message ? element('div', { class: 'check-message' }, escapeHtml(r.message)) : '',
    ),
  );
  const passed = allPassed(report);
  const cls = passed ? 'summary passed' : 'summary failed';
  const note = context ? hintsUsedNote(context.hintsUsed, context.hintCount) : '';
  // After a pass, or on request after a failed check: the learner's file beside the reference.
  const compare =
    context && (passed || report.results.length > 0)
      ? element(
          'div',
          { class: 'actions' },
          element(
            'button',
            {
              type: 'button',
              class: passed ? 'primary' : 'secondary',
              'data-action': 'compareSolution',
              'data-lesson': context.lessonId,
              'data-language': context.language,
            },
            escapeHtml(l10n.t('Compare with the reference solution')),
          ),
        )
      : '';
  const summary = element(
    'p',
    { class: cls },
    escapeHtml(summarize(report)),
    note ? ` ${element('span', { class: 'hints-used' }, escapeHtml(note))}` : '',
  );
  return [summary, items.length ? element('ol', { class: 'checks' }, ...items) : '', compare].join('');
}

export function renderCheckRunning(): string {
  return `<p class="muted">${escapeHtml(l10n.t('Checking…'))}</p>`;
}
