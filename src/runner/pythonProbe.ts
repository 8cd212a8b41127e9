// Finds out whether the configured python can run the Python examples, before a terminal
// opens, so the learner gets a clear message instead of a terminal that dies at once.
import { PYTHON_PROGRAM, startRun } from '../process/run';
import { formatVersion } from './nodeCommand';
import { isSupportedPython, MIN_PYTHON_VERSION, parsePythonVersion, type PythonVersion } from './pythonCommand';

export type PythonProbe =
  { ok: true; version: PythonVersion } | { ok: false; reason: 'missing' | 'too-old' | 'broken'; message: string };

const MIN = `${MIN_PYTHON_VERSION.major}.${MIN_PYTHON_VERSION.minor}`;

export async function probePython(command: string, timeoutMs = 10_000): Promise<PythonProbe> {
  // Python 2 printed its version on stderr, so both streams count.
  const end = await startRun(command, ['--version'], { program: PYTHON_PROGRAM, timeoutMs, tailChars: 4096 }).done;
  if (end.reason === 'not-started') {
    const missing = end.startErrorCode === 'ENOENT' || end.startErrorCode === 'EACCES';
    return { ok: false, reason: missing ? 'missing' : 'broken', message: end.startError! };
  }
  if (end.reason === 'timed-out' || end.code !== 0) {
    return {
      ok: false,
      reason: 'broken',
      message: `"${command} --version" failed: it ${end.reason === 'timed-out' ? `did not answer within ${timeoutMs / 1000} s` : end.signal ? `was stopped by ${end.signal}` : `exited with code ${end.code}`}.`,
    };
  }
  const text = end.output.trim();
  const version = parsePythonVersion(text);
  if (!version)
    return {
      ok: false,
      reason: 'broken',
      message: `"${command} --version" printed "${text.slice(0, 80)}", which is not a Python version.`,
    };
  if (!isSupportedPython(version))
    return {
      ok: false,
      reason: 'too-old',
      message: `Python ${formatVersion(version)} at "${command}" is too old: the Python examples need ${MIN} or later.`,
    };
  return { ok: true, version };
}
