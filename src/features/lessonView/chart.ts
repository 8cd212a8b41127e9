// The "Measure and chart" data (docs/LESSON-FORMAT.md, Charts) and its inline SVG line chart.
// The JSON comes from a child process, so it is validated before it is drawn, and every
// name in it is escaped.
import { escapeHtml } from './html';

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
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, reason: 'the chart file must hold a JSON object' };
  const r = raw as Record<string, unknown>;
  const text = (v: unknown, fallback: string) => (typeof v === 'string' ? v.slice(0, 200) : fallback);
  if (!Array.isArray(r.series) || r.series.length === 0) return { ok: false, reason: '"series" must be a non-empty array' };
  if (r.series.length > MAX_SERIES) return { ok: false, reason: `at most ${MAX_SERIES} series can be drawn` };
  const series: ChartSeries[] = [];
  for (const [i, s] of r.series.entries()) {
    if (!s || typeof s !== 'object') return { ok: false, reason: `series[${i}] must be an object` };
    const { name, values } = s as Record<string, unknown>;
    if (!Array.isArray(values) || values.length === 0 || values.length > MAX_POINTS) return { ok: false, reason: `series[${i}].values must be 1 to ${MAX_POINTS} numbers` };
    if (!values.every((v) => typeof v === 'number' && Number.isFinite(v))) return { ok: false, reason: `series[${i}].values must all be finite numbers` };
    series.push({ name: text(name, `series ${i + 1}`), values: values as number[] });
  }
  return { ok: true, data: { title: text(r.title, 'Measurements'), unit: text(r.unit, ''), xLabel: text(r.xLabel, ''), series } };
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

export const DEFAULT_LAYOUT: ChartLayout = { width: 640, height: 320, left: 56, right: 16, top: 16, bottom: 48 };

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
/** Tick labels: enough decimals to tell the ticks apart, no floating-point noise. */
const label = (n: number, step: number) => String(Number(n.toFixed(Math.max(0, -Math.floor(Math.log10(step))))));

export function renderChartSvg(data: ChartData, layout: ChartLayout = DEFAULT_LAYOUT): string {
  const s = chartScale(data, layout);
  const { width, height, left, right, top, bottom } = layout;
  const plotRight = width - right;
  const plotBottom = height - bottom;
  const parts: string[] = [];
  parts.push(
    `<svg class="line-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(data.title)}">`,
    `<title>${escapeHtml(data.title)}</title>`,
  );
  for (let v = s.yMin; v <= s.yMax + s.step / 2; v += s.step) {
    const y = fmt(s.y(v));
    parts.push(`<line class="grid" x1="${left}" y1="${y}" x2="${plotRight}" y2="${y}"/>`);
    parts.push(`<text class="tick" x="${left - 6}" y="${y}" text-anchor="end" dominant-baseline="middle">${escapeHtml(label(v, s.step))}</text>`);
  }
  const xEvery = Math.max(1, Math.ceil(s.points / 10));
  for (let i = 0; i < s.points; i += xEvery) {
    parts.push(`<text class="tick" x="${fmt(s.x(i))}" y="${plotBottom + 16}" text-anchor="middle">${i + 1}</text>`);
  }
  parts.push(`<line class="axis" x1="${left}" y1="${plotBottom}" x2="${plotRight}" y2="${plotBottom}"/>`);
  parts.push(`<line class="axis" x1="${left}" y1="${top}" x2="${left}" y2="${plotBottom}"/>`);
  if (data.xLabel) parts.push(`<text class="axis-label" x="${fmt((left + plotRight) / 2)}" y="${height - 8}" text-anchor="middle">${escapeHtml(data.xLabel)}</text>`);
  if (data.unit) parts.push(`<text class="axis-label" x="${left - 6}" y="${top - 4}" text-anchor="end">${escapeHtml(data.unit)}</text>`);
  data.series.forEach((series, i) => {
    const cls = `series series-${i % PALETTE_SIZE}`;
    const pts = series.values.map((v, j) => `${fmt(s.x(j))},${fmt(s.y(v))}`);
    parts.push(`<polyline class="${cls}" fill="none" points="${pts.join(' ')}"><title>${escapeHtml(series.name)}</title></polyline>`);
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
export function renderChart(data: ChartData, layout: ChartLayout = DEFAULT_LAYOUT): string {
  const legend = data.series
    .map((s, i) => `<li><span class="swatch series-${i % PALETTE_SIZE}" aria-hidden="true"></span>${escapeHtml(s.name)}</li>`)
    .join('');
  const points = Math.max(...data.series.map((s) => s.values.length));
  const head = `<tr><th>${escapeHtml(data.xLabel || '#')}</th>${data.series.map((s) => `<th>${escapeHtml(s.name)}${data.unit ? ` (${escapeHtml(data.unit)})` : ''}</th>`).join('')}</tr>`;
  const rows = Array.from({ length: points }, (_, j) => `<tr><td>${j + 1}</td>${data.series.map((s) => `<td>${j < s.values.length ? escapeHtml(String(s.values[j])) : ''}</td>`).join('')}</tr>`);
  return [
    `<figure class="chart-figure"><figcaption>${escapeHtml(data.title)}</figcaption>`,
    renderChartSvg(data, layout),
    `<ul class="legend">${legend}</ul>`,
    `<details><summary>Data</summary><table><thead>${head}</thead><tbody>${rows.join('')}</tbody></table></details>`,
    '</figure>',
  ].join('');
}
