// Runs a charting example in a child process and reads back the measurements it wrote,
// through the one process runner: no shell, a time limit that also ends what the example
// started, and a bounded output tail.
import { promises as fs } from 'fs';
import * as l10n from '@vscode/l10n';
import * as os from 'os';
import * as path from 'path';
import { readBounded } from '../../files/readBounded';
import { argvOf, formatSeconds, startRun, type Invocation } from '../../process/run';
import { parseChartData, type ChartData } from './chart';

export interface MeasureOptions {
  /** node, its options (--expose-gc is what the examples need) and the example file. */
  invocation: Invocation;
  timeoutMs: number;
}

const MAX_CHART_BYTES = 10_000_000;

export type MeasureResult = { ok: true; data: ChartData } | { ok: false; message: string };

export async function measureChart(opts: MeasureOptions): Promise<MeasureResult> {
  const { invocation } = opts;
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'weakref-chart-'));
  const chartFile = path.join(dir, 'chart.json');
  try {
    const end = await startRun(invocation.command, argvOf(invocation), {
      cwd: path.dirname(invocation.file),
      env: { WEAKREF_CHART_FILE: chartFile },
      timeoutMs: opts.timeoutMs,
      tailChars: 8 * 1024,
    }).done;
    if (end.reason === 'not-started') return { ok: false, message: end.startError! };
    if (end.reason === 'timed-out')
      return {
        ok: false,
        message: l10n.t('The example did not finish within {0} and was stopped.', formatSeconds(opts.timeoutMs)),
      };
    if (end.code !== 0) {
      const lastLine = end.output.trim().split('\n').filter(Boolean).pop();
      return {
        ok: false,
        message: lastLine
          ? l10n.t('The example failed: {0}', lastLine)
          : end.signal
            ? l10n.t('The example failed (stopped by {0})', end.signal)
            : l10n.t('The example failed (exit code {0})', String(end.code)),
      };
    }
    // The learner may have edited the example: what it left there is read as untrusted.
    const read = await readBounded(chartFile, MAX_CHART_BYTES);
    if (!read.ok) {
      return {
        ok: false,
        message:
          read.reason === 'missing'
            ? l10n.t('The example ran but wrote no chart data (it writes to $WEAKREF_CHART_FILE).')
            : l10n.t('The chart data cannot be read: {0}', read.message),
      };
    }
    let json: unknown;
    try {
      json = JSON.parse(read.text);
    } catch (e) {
      return { ok: false, message: l10n.t('The chart data is not valid JSON: {0}', (e as Error).message) };
    }
    const parsed = parseChartData(json);
    return parsed.ok ? parsed : { ok: false, message: l10n.t('The chart data is malformed: {0}', parsed.reason) };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
