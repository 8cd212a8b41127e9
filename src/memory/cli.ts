// weakref-memory: runs one program under the memory view and prints what it found, as text or
// (with --json) as the report the view shows. For tests, CI and scripting.
import * as fs from 'fs';
import { formatReport } from './report';
import { DEFAULT_MAX_HEAP_MB, DEFAULT_MEMORY_TIMEOUT_MS, startMemoryRun } from './runMemory';

export const USAGE = `Usage: weakref-memory [--json] [--timeout <seconds>] [--max-heap-mb <n>] <file.js|file.py> [-- args...]

Runs the program (node --expose-gc, or python3) and records every object that becomes a weak
target. At every gc() / gc.collect() and at the end it lists each target, alive or collected,
and for a live one the chain of references that holds it.

  --json             print the report as JSON
  --timeout <s>      stop the program after this long (default ${DEFAULT_MEMORY_TIMEOUT_MS / 1000})
  --max-heap-mb <n>  take no heap snapshot of a larger heap (default ${DEFAULT_MAX_HEAP_MB})

Environment: WEAKREF_NODE (node to use), WEAKREF_PYTHON (python to use).
Exit status: 0 when the program exited with 0, 1 when it did not (or did not run), 2 for a usage error.`;

interface Args {
  json: boolean;
  file: string;
  args: string[];
  timeoutMs?: number;
  maxHeapMb?: number;
}

export function parseMemoryArgs(argv: readonly string[]): Args | { error: string } | 'help' {
  const out: Partial<Args> & { json: boolean; args: string[] } = { json: false, args: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      out.args = argv.slice(i + 1);
      break;
    }
    if (a === '-h' || a === '--help') return 'help';
    if (a === '--json') out.json = true;
    else if (a === '--timeout' || a === '--max-heap-mb') {
      const n = Number(argv[++i]);
      if (!Number.isFinite(n) || n <= 0) return { error: `${a} needs a positive number` };
      if (a === '--timeout') out.timeoutMs = n * 1000;
      else out.maxHeapMb = n;
    } else if (a.startsWith('-')) return { error: `unknown option ${a}` };
    else if (out.file === undefined) out.file = a;
    else return { error: `one file at a time (got ${out.file} and ${a}); arguments for the program go after --` };
  }
  if (!out.file) return { error: 'no file to run' };
  return out as Args;
}

export async function main(argv: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const parsed = parseMemoryArgs(argv);
  if (parsed === 'help') return (out(USAGE + '\n'), 0);
  if ('error' in parsed) return (err(`weakref-memory: ${parsed.error}\n\n${USAGE}\n`), 2);
  if (!fs.statSync(parsed.file, { throwIfNoEntry: false })?.isFile())
    return (err(`weakref-memory: ${parsed.file} is not a file\n`), 2);
  let report;
  try {
    report = await startMemoryRun({
      file: parsed.file,
      args: parsed.args,
      nodePath: process.env.WEAKREF_NODE || process.execPath,
      pythonPath: process.env.WEAKREF_PYTHON || 'python3',
      timeoutMs: parsed.timeoutMs,
      maxHeapMb: parsed.maxHeapMb,
      onOutput: parsed.json ? undefined : (text) => err(text),
    }).done;
  } catch (e) {
    err(`weakref-memory: ${(e as Error).message}\n`);
    return 1;
  }
  if (parsed.json) out(JSON.stringify({ ...report, output: undefined }, null, 2) + '\n');
  else out(formatReport(report));
  return report.exitCode === 0 ? 0 : 1;
}

if (require.main === module) {
  void main(
    process.argv.slice(2),
    (s) => process.stdout.write(s),
    (s) => process.stderr.write(s),
  ).then((code) => (process.exitCode = code));
}
