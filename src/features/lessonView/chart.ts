// The "Measure and chart" data (docs/LESSON-FORMAT.md, Charts) and its inline SVG line chart.
// The JSON comes from a child process, so it is validated before it is drawn, and every
// name in it is escaped.
import * as l10n from '@vscode/l10n';
import { element, escapeHtml, openingTag } from './html';

export interface ChartSeries {
  name: string;
  values: number[];
}

export interface ChartData {
  title: string;
  unit: string;
  xLabel: string;
  series: ChartSeries[];
}

const MAX_SERIES = 8;
const MAX_POINTS = 1000;
/** Colours come from the theme through CSS classes (inline styles are blocked by the CSP). */
const PALETTE_SIZE = 6;

export function parseChartData(raw: unknown): { ok: true; data: ChartData } | { ok: false; reason: string } {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    return { ok: false, reason: 'the chart file must hold a JSON object' };
  const r = raw as Record<string, unknown>;
  const text = (v: unknown, fallback: string) => (typeof v === 'string' ? v.slice(0, 200) : fallback);
  if (!Array.isArray(r.series) || r.series.length === 0)
    return { ok: false, reason: '"series" must be a non-empty array' };
  if (r.series.length > MAX_SERIES) return { ok: false, reason: `at most ${MAX_SERIES} series can be drawn` };
  const series: ChartSeries[] = [];
  for (const [i, s] of r.series.entries()) {
    if (!s || typeof s !== 'object') return { ok: false, reason: `series[${i}] must be an object` };
    const { name, values } = s as Record<string, unknown>;
    if (!Array.isArray(values) || values.length === 0 || values.length > MAX_POINTS)
      return { ok: false, reason: `series[${i}].values must be 1 to ${MAX_POINTS} numbers` };
    if (!values.every((v) => typeof v === 'number' && Number.isFinite(v)))
      return { ok: false, reason: `series[${i}].values must all be finite numbers` };
    series.push({ name: text(name, `series ${i + 1}`), values: values as number[] });
  }
  return {
    ok: true,
    data: { title: text(r.title, l10n.t('Measurements')), unit: text(r.unit, ''), xLabel: text(r.xLabel, ''), series },
  };
}

/** Rounds a step up to 1, 2 or 5 times a power of ten, so axis labels read well. */
export function niceStep(range: number, ticks: number): number {
  if (!(range > 0)) return 1;
  const raw = range / ticks;
  const power = 10 ** Math.floor(Math.log10(raw));
  const m = raw / power;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * power;
}

export interface ChartLayout {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export const DEFAULT_LAYOUT: ChartLayout = { width: 640, height: 320, left: 56, right: 16, top: 32, bottom: 48 };
/** How far above the plot the unit is written: more than a line of tick text. */
export const UNIT_GAP = 16;

export interface Scale {
  yMin: number;
  yMax: number;
  step: number;
  points: number;
  x(index: number): number;
  y(value: number): number;
}

export function chartScale(data: ChartData, layout: ChartLayout = DEFAULT_LAYOUT): Scale {
  const all = data.series.flatMap((s) => s.values);
  // Memory charts start at zero so a flat line looks flat, unless values go below it.
  let lo = Math.min(0, ...all);
  let hi = Math.max(...all);
  if (hi === lo) hi = lo + 1;
  const step = niceStep(hi - lo, 5);
  lo = Math.floor(lo / step) * step;
  hi = Math.ceil(hi / step) * step;
  const points = Math.max(...data.series.map((s) => s.values.length));
  const plotW = layout.width - layout.left - layout.right;
  const plotH = layout.height - layout.top - layout.bottom;
  return {
    yMin: lo,
    yMax: hi,
    step,
    points,
    x: (i) => layout.left + (points === 1 ? plotW / 2 : (i * plotW) / (points - 1)),
    y: (v) => layout.top + plotH - ((v - lo) / (hi - lo)) * plotH,
  };
}

const fmt = (n: number) => String(Math.round(n * 10) / 10);

/** A series counts as flat when it moves less than this share of the chart's largest value. */
const FLAT_SHARE = 0.05;

/** "weak cache: flat at 0 MB": what one series does, in words, for a screen reader. */
export function describeSeries(series: ChartSeries, data: ChartData): string {
  const { values } = series;
  // The words around the numbers are translated; the unit and the x label come from the example's data.
  const unit = data.unit ? ` ${data.unit}` : '';
  const first = values[0];
  const last = values[values.length - 1];
  const min = Math.min(...values);
  const max = Math.max(...values);
  const scale = Math.max(...data.series.flatMap((s) => s.values.map(Math.abs)), Number.EPSILON);
  const over =
    values.length > 1
      ? l10n.t(' over {0} {1}', values.length, plural(data.xLabel || l10n.t('point'), values.length))
      : '';
  if (values.length === 1) return l10n.t('{0}: {1}', series.name, `${fmt(first)}${unit}`);
  if (max - min <= scale * FLAT_SHARE)
    return l10n.t('{0}: flat at {1}{2}', series.name, `${fmt(median(values))}${unit}`, over);
  const rising = values.every((v, i) => i === 0 || v >= values[i - 1] - scale * FLAT_SHARE);
  const falling = values.every((v, i) => i === 0 || v <= values[i - 1] + scale * FLAT_SHARE);
  if (rising && last > first) return l10n.t('{0}: grew to {1}{2}', series.name, `${fmt(last)}${unit}`, over);
  if (falling && last < first) return l10n.t('{0}: fell to {1}{2}', series.name, `${fmt(last)}${unit}`, over);
  return l10n.t(
    '{0}: between {1} and {2}{3}, ending at {4}',
    series.name,
    fmt(min),
    `${fmt(max)}${unit}`,
    over,
    `${fmt(last)}${unit}`,
  );
}

/** One sentence for the whole chart: each series described, joined by semicolons. */
export function describeChart(data: ChartData): string {
  return data.series.map((s) => describeSeries(s, data)).join('; ');
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function plural(word: string, n: number): string {
  return n === 1 || /s$/.test(word) ? word : `${word}s`;
}
/** Tick labels: enough decimals to tell the ticks apart, no floating-point noise. */
const label = (n: number, step: number) => String(Number(n.toFixed(Math.max(0, -Math.floor(Math.log10(step))))));

/** Element ids inside one chart; a page may show more than one chart, so they take a prefix. */
export function chartIds(prefix: string): { title: string; desc: string } {
  const safe = prefix.replace(/[^\w-]/g, '-');
  return { title: `${safe}-title`, desc: `${safe}-desc` };
}

export function renderChartSvg(data: ChartData, layout: ChartLayout = DEFAULT_LAYOUT, idPrefix = 'chart'): string {
  const ids = chartIds(idPrefix);
  const s = chartScale(data, layout);
  const { width, height, left, right, top, bottom } = layout;
  const plotRight = width - right;
  const plotBottom = height - bottom;
  const parts: string[] = [];
  parts.push(
    // role="img" with <title> and <desc>: a screen reader announces the title and the summary
    // instead of walking every line and label; the numbers themselves are in the table below.
    openingTag('svg', {
      class: 'line-chart',
      xmlns: 'http://www.w3.org/2000/svg',
      viewBox: `0 0 ${width} ${height}`,
      role: 'img',
      'aria-labelledby': ids.title,
      'aria-describedby': ids.desc,
    }),
    `<title id="${ids.title}">${escapeHtml(data.title)}</title>`,
    `<desc id="${ids.desc}">${escapeHtml(describeChart(data))}</desc>`,
  );
  for (let v = s.yMin; v <= s.yMax + s.step / 2; v += s.step) {
    const y = fmt(s.y(v));
    parts.push(`<line class="grid" x1="${left}" y1="${y}" x2="${plotRight}" y2="${y}"/>`);
    parts.push(
      `<text class="tick" x="${left - 6}" y="${y}" text-anchor="end" dominant-baseline="middle">${escapeHtml(label(v, s.step))}</text>`,
    );
  }
  const xEvery = Math.max(1, Math.ceil(s.points / 10));
  for (let i = 0; i < s.points; i += xEvery) {
    parts.push(`<text class="tick" x="${fmt(s.x(i))}" y="${plotBottom + 16}" text-anchor="middle">${i + 1}</text>`);
  }
  parts.push(`<line class="axis" x1="${left}" y1="${plotBottom}" x2="${plotRight}" y2="${plotBottom}"/>`);
  parts.push(`<line class="axis" x1="${left}" y1="${top}" x2="${left}" y2="${plotBottom}"/>`);
  if (data.xLabel)
    parts.push(
      `<text class="axis-label" x="${fmt((left + plotRight) / 2)}" y="${height - 8}" text-anchor="middle">${escapeHtml(data.xLabel)}</text>`,
    );
  // The unit sits above the axis, clear of the top tick's number beside it.
  if (data.unit)
    parts.push(
      `<text class="axis-label" x="${left}" y="${top - UNIT_GAP}" text-anchor="middle">${escapeHtml(data.unit)}</text>`,
    );
  data.series.forEach((series, i) => {
    const cls = `series series-${i % PALETTE_SIZE}`;
    const pts = series.values.map((v, j) => `${fmt(s.x(j))},${fmt(s.y(v))}`);
    parts.push(`<polyline class="${cls}" fill="none" points="${pts.join(' ')}"/>`);
    // Markers keep a single-point series visible.
    for (const p of pts) {
      const [cx, cy] = p.split(',');
      parts.push(`<circle class="${cls} marker" cx="${cx}" cy="${cy}" r="2.5"/>`);
    }
  });
  parts.push('</svg>');
  return parts.join('');
}

/** Legend and a data table as HTML, so the chart reads without colour and with a screen reader. */
export function renderChart(data: ChartData, layout: ChartLayout = DEFAULT_LAYOUT, idPrefix = 'chart'): string {
  const legend = data.series
    .map(
      (s, i) =>
        `<li><span class="swatch series-${i % PALETTE_SIZE}" aria-hidden="true"></span>${escapeHtml(s.name)}</li>`,
    )
    .join('');
  const points = Math.max(...data.series.map((s) => s.values.length));
  const unit = data.unit ? ` (${escapeHtml(data.unit)})` : '';
  const head = element(
    'tr',
    {},
    element('th', { scope: 'col' }, escapeHtml(data.xLabel || '#')),
    ...data.series.map((s) => element('th', { scope: 'col' }, escapeHtml(s.name) + unit)),
  );
  const rows = Array.from({ length: points }, (_, j) =>
    element(
      'tr',
      {},
      element('th', { scope: 'row' }, String(j + 1)),
      ...data.series.map((s) => element('td', {}, j < s.values.length ? escapeHtml(String(s.values[j])) : '')),
    ),
  );
  const table = element(
    'details',
    {},
    element('summary', {}, escapeHtml(l10n.t('The numbers as a table'))),
    element(
      'table',
      {},
      element('caption', {}, escapeHtml(data.title)),
      element('thead', {}, head),
      element('tbody', {}, ...rows),
    ),
  );
  return [
    `<figure class="chart-figure"><figcaption>${escapeHtml(data.title)}</figcaption>`,
    // Focusable: a keyboard user must reach a region that scrolls, to scroll it.
    element(
      'div',
      { class: 'chart-scroll', tabindex: 0, role: 'group', 'aria-label': data.title },
      renderChartSvg(data, layout, idPrefix),
    ),
    `<ul class="legend" aria-label="${escapeHtml(l10n.t('Legend'))}">${legend}</ul>`,
    table,
    '</figure>',
  ].join('');
}
