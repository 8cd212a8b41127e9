// Runs a charting example in a child process and reads back the measurements it wrote.
// No shell: the file and node path are arguments, never parsed as a command line.
import { execFile } from 'child_process';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseChartData, type ChartData } from './chart';

export interface MeasureOptions {
  nodeCommand: string;
  /** node options before the file; --expose-gc is what the examples need. */
  nodeArgs?: string[];
  file: string;
  timeoutMs: number;
}

export type MeasureResult = { ok: true; data: ChartData } | { ok: false; message: string };

export async function measureChart(opts: MeasureOptions): Promise<MeasureResult> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'weakref-chart-'));
  const chartFile = path.join(dir, 'chart.json');
  try {
    const run = await new Promise<{ error: (Error & { code?: unknown; killed?: boolean }) | null; stderr: string }>((resolve) => {
      execFile(
        opts.nodeCommand,
        [...(opts.nodeArgs ?? ['--expose-gc']), opts.file],
        { cwd: path.dirname(opts.file), env: { ...process.env, WEAKREF_CHART_FILE: chartFile }, timeout: opts.timeoutMs, windowsHide: true, shell: false, maxBuffer: 4 * 1024 * 1024 },
        (error, _stdout, stderr) => resolve({ error, stderr: String(stderr) }),
      );
    });
    if (run.error) {
      if (run.error.killed) return { ok: false, message: `The example did not finish within ${Math.round(opts.timeoutMs / 1000)} s and was stopped.` };
      if (run.error.code === 'ENOENT') return { ok: false, message: `Node.js was not found at "${opts.nodeCommand}". Set "weakrefLessons.nodePath".` };
      const lastLine = run.stderr.trim().split('\n').filter(Boolean).pop();
      return { ok: false, message: `The example failed${lastLine ? `: ${lastLine}` : ` (${run.error.message.split('\n')[0]})`}` };
    }
    let text: string;
    try {
      text = await fs.readFile(chartFile, 'utf8');
    } catch {
      return { ok: false, message: 'The example ran but wrote no chart data (it writes to $WEAKREF_CHART_FILE).' };
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      return { ok: false, message: `The chart data is not valid JSON: ${(e as Error).message}` };
    }
    const parsed = parseChartData(json);
    return parsed.ok ? parsed : { ok: false, message: `The chart data is malformed: ${parsed.reason}` };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
