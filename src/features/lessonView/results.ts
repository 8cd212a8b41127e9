// The exercise check results as HTML for the lesson view.
import { allPassed, summarize, type CheckReport } from '../../exercises/types';
import { escapeHtml } from './html';

export function renderCheckResults(report: CheckReport): string {
  const items = report.results.map((r) => {
    const state = r.passed ? 'passed' : 'failed';
    const why = !r.passed && r.message ? `<div class="check-message">${escapeHtml(r.message)}</div>` : '';
    return `<li class="check ${state}"><span class="check-state">${r.passed ? '✓ passed' : '✗ failed'}</span> <span class="check-requirement">${escapeHtml(r.requirement)}</span>${why}</li>`;
  });
  const cls = allPassed(report) ? 'summary passed' : 'summary failed';
  return [
    `<p class="${cls}">${escapeHtml(summarize(report))}</p>`,
    items.length ? `<ol class="checks">${items.join('')}</ol>` : '',
  ].join('');
}

export function renderCheckRunning(): string {
  return '<p class="muted">Checking…</p>';
}
