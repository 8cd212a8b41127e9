// The memory view's HTML, built from a MemoryReport only. vscode-free so it is unit-tested.
// The page has the lesson page's CSP (scripts by nonce only, no inline styles) and shows:
// a timeline of checkpoints (alive and collected targets, by kind) drawn as SVG, the same counts
// as a table (the text alternative), then every checkpoint's targets with their chains.
import * as l10n from '@vscode/l10n';
import { countsByKind, type Checkpoint, type MemoryReport, type TargetState } from '../../memory/report';
import { escapeHtml } from '../lessonView/html';
import { contentSecurityPolicy, type PageResources } from '../lessonView/page';

const BAR_WIDTH = 28;
const GAP = 14;
const HEIGHT = 120;

export function renderMemoryPage(
  state: { report: MemoryReport } | { running: string } | { failed: string },
  resources: PageResources,
): string {
  const body =
    'report' in state
      ? renderReport(state.report)
      : 'running' in state
        ? `<p role="status">${escapeHtml(l10n.t('Running {0} with the memory view…', state.running))}</p>`
        : `<p role="alert">${escapeHtml(state.failed)}</p>`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(resources.cspSource, resources.nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(resources.styleUri)}">
<title>${escapeHtml(l10n.t('Memory view'))}</title>
</head>
<body>
<main>
${body}
</main>
<script nonce="${escapeHtml(resources.nonce)}" src="${escapeHtml(resources.scriptUri)}"></script>
</body>
</html>`;
}

export function renderReport(report: MemoryReport): string {
  const name = report.file.split(/[\\/]/).pop() ?? report.file;
  const parts = [
    `<h1>${escapeHtml(l10n.t('Memory view: {0}', name))}</h1>`,
    `<p class="meta">${escapeHtml(l10n.t('{0}, exit code {1}', report.runtime, String(report.exitCode ?? '–')))}</p>`,
  ];
  if (report.problem) parts.push(`<p class="problem" role="alert">${escapeHtml(report.problem)}</p>`);
  if (report.checkpoints.length === 0) {
    parts.push(`<p>${escapeHtml(l10n.t('No checkpoint was taken.'))}</p>`);
    return parts.join('\n');
  }
  parts.push(
    `<h2>${escapeHtml(l10n.t('Timeline'))}</h2>`,
    renderTimeline(report.checkpoints),
    renderCountsTable(report.checkpoints),
  );
  parts.push(`<h2>${escapeHtml(l10n.t('Targets and what holds them'))}</h2>`);
  report.checkpoints.forEach((cp, index) => parts.push(renderCheckpoint(cp, index)));
  return parts.join('\n');
}

/** One stacked bar per checkpoint: alive (bottom) and collected (top). A picture; the table says the same. */
function renderTimeline(checkpoints: readonly Checkpoint[]): string {
  const most = Math.max(1, ...checkpoints.map((c) => c.targets.length));
  const width = checkpoints.length * (BAR_WIDTH + GAP) + GAP;
  const bars = checkpoints.map((cp, i) => {
    const alive = cp.targets.filter((t) => t.alive).length;
    const collected = cp.targets.length - alive;
    const x = GAP + i * (BAR_WIDTH + GAP);
    const hAlive = Math.round((alive / most) * HEIGHT);
    const hCollected = Math.round((collected / most) * HEIGHT);
    return [
      `<rect class="alive" x="${x}" y="${HEIGHT - hAlive}" width="${BAR_WIDTH}" height="${hAlive}"></rect>`,
      `<rect class="collected" x="${x}" y="${HEIGHT - hAlive - hCollected}" width="${BAR_WIDTH}" height="${hCollected}"></rect>`,
      `<text x="${x + BAR_WIDTH / 2}" y="${HEIGHT + 14}" text-anchor="middle">${i + 1}</text>`,
    ].join('');
  });
  const label = l10n.t('Alive and collected weak targets at each checkpoint; the table below gives the numbers.');
  return `<figure class="timeline">
<svg role="img" aria-label="${escapeHtml(label)}" viewBox="0 0 ${width} ${HEIGHT + 20}" width="${width}" height="${HEIGHT + 20}">${bars.join('')}</svg>
<figcaption><span class="swatch alive" aria-hidden="true"></span>${escapeHtml(l10n.t('alive'))} <span class="swatch collected" aria-hidden="true"></span>${escapeHtml(l10n.t('collected'))}</figcaption>
</figure>`;
}

function renderCountsTable(checkpoints: readonly Checkpoint[]): string {
  const rows = checkpoints.flatMap((cp, i) => {
    const counts = countsByKind(cp);
    const where = cp.line !== null ? l10n.t('line {0}', String(cp.line)) : '';
    if (counts.length === 0)
      return [
        `<tr><td>${i + 1}</td><td>${escapeHtml(cp.label)}</td><td>${escapeHtml(where)}</td><td>–</td><td>0</td><td>0</td></tr>`,
      ];
    return counts.map(
      (c) =>
        `<tr><td>${i + 1}</td><td>${escapeHtml(cp.label)}</td><td>${escapeHtml(where)}</td><td>${escapeHtml(c.kind)}</td><td>${c.alive}</td><td>${c.collected}</td></tr>`,
    );
  });
  const head = ['#', l10n.t('Checkpoint'), l10n.t('Where'), l10n.t('Kind'), l10n.t('Alive'), l10n.t('Collected')]
    .map((h) => `<th scope="col">${escapeHtml(h)}</th>`)
    .join('');
  return `<table class="counts"><caption>${escapeHtml(l10n.t('Weak targets at each checkpoint'))}</caption><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function renderCheckpoint(cp: Checkpoint, index: number): string {
  const where = cp.line !== null ? ` (${l10n.t('line {0}', String(cp.line))})` : '';
  const items = cp.targets.map((t) => renderTarget(t, index));
  return `<section class="checkpoint" aria-labelledby="cp-${index}">
<h3 id="cp-${index}">${index + 1}. ${escapeHtml(cp.label + where)}</h3>
${cp.note ? `<p class="note">${escapeHtml(cp.note)}</p>` : ''}
${items.length ? `<ul class="targets">${items.join('')}</ul>` : `<p>${escapeHtml(l10n.t('No weak targets yet.'))}</p>`}
</section>`;
}

function renderTarget(t: TargetState, checkpoint: number): string {
  const state = t.alive ? l10n.t('alive') : l10n.t('collected');
  const line = t.created.line ?? 0;
  const open = line
    ? `<button type="button" class="link" data-action="open" data-checkpoint="${checkpoint}" data-target="${t.id}" title="${escapeHtml(l10n.t('Open the line that made it a weak target'))}">${escapeHtml(l10n.t('line {0}', String(line)))}</button>`
    : '';
  const chain =
    t.alive && t.retainedBy?.length
      ? `<ol class="chain" aria-label="${escapeHtml(l10n.t('What holds #{0}, from a root to the target', String(t.id)))}">${t.retainedBy
          .map(
            (s) =>
              `<li><span class="label">${escapeHtml(s.label)}</span> <span class="kind">${escapeHtml(s.kind)}</span></li>`,
          )
          .join(
            '',
          )}<li><span class="label">${escapeHtml(t.type)}</span> <span class="kind">${escapeHtml(l10n.t('the target'))}</span></li></ol>`
      : t.alive
        ? `<p class="note">${escapeHtml(l10n.t('No chain from a root was found at this checkpoint.'))}</p>`
        : '';
  return `<li class="target ${t.alive ? 'alive' : 'collected'}"><span class="id">#${t.id}</span> <strong>${escapeHtml(t.type)}</strong>, ${escapeHtml(t.kind)} ${open} — <span class="state">${escapeHtml(state)}</span>${chain}</li>`;
}
