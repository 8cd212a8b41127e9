// Runs `<command> --version` and judges the answer: missing, broken, too old or fine. The Node.js
// and Python probes differ only in how they read a version and which versions they accept.
import { startRun, type Program } from '../process/run';

export type VersionProbe<V> =
  { ok: true; version: V } | { ok: false; reason: 'missing' | 'too-old' | 'broken'; message: string };

export interface ProbedProgram<V> {
  program: Program;
  /** Whether stderr counts too (Python 2 printed its version there). */
  readsStderr: boolean;
  parse(printed: string): V | undefined;
  /** Why `version` cannot run the examples, or undefined when it can. */
  whyUnsupported(version: V): string | undefined;
}

const PRINTED_LIMIT = 4096;

export async function probeVersion<V>(
  command: string,
  probed: ProbedProgram<V>,
  timeoutMs: number,
): Promise<VersionProbe<V>> {
  let stdout = '';
  const end = await startRun(command, ['--version'], {
    program: probed.program,
    timeoutMs,
    tailChars: PRINTED_LIMIT,
    onOutput: (text, stream) => stream === 'stdout' && (stdout += text.slice(0, PRINTED_LIMIT)),
  }).done;
  if (end.reason === 'not-started') {
    const missing = end.startErrorCode === 'ENOENT' || end.startErrorCode === 'EACCES';
    return { ok: false, reason: missing ? 'missing' : 'broken', message: end.startError! };
  }
  if (end.reason === 'timed-out' || end.code !== 0) {
    const how =
      end.reason === 'timed-out'
        ? `did not answer within ${timeoutMs / 1000} s`
        : end.signal
          ? `was stopped by ${end.signal}`
          : `exited with code ${end.code}`;
    return { ok: false, reason: 'broken', message: `"${command} --version" failed: it ${how}.` };
  }
  const printed = (probed.readsStderr ? end.output : stdout).trim();
  const version = probed.parse(printed);
  if (!version)
    return {
      ok: false,
      reason: 'broken',
      message: `"${command} --version" printed "${printed.slice(0, 80)}", which is not a ${probed.program.name} version.`,
    };
  const why = probed.whyUnsupported(version);
  return why ? { ok: false, reason: 'too-old', message: why } : { ok: true, version };
}
