// How a Python example is started: `python3 -u <file>`, an executable and an argument vector,
// never a shell string. Beside buildNodeInvocation, for the same runner.
import type { Invocation } from '../process/run';
import { InvalidSettingError } from './nodeCommand';

/** The oldest Python the lesson format promises the examples run on (docs/LESSON-FORMAT.md). */
export const MIN_PYTHON_VERSION = { major: 3, minor: 8, patch: 0 } as const;

export interface PythonVersion {
  major: number;
  minor: number;
  patch: number;
}

/**
 * Builds `python3 -u <file>`. `-u` keeps stdout unbuffered, so what an example prints reaches
 * the terminal in order with a traceback on stderr (through a pipe, Python buffers stdout).
 */
export function buildPythonInvocation(pythonPath: unknown, file: string): Invocation {
  const command = typeof pythonPath === 'string' && pythonPath.trim() ? pythonPath.trim() : 'python3';
  if (!file) throw new InvalidSettingError('no file to run');
  // A path that starts with "-" would be read as an option; ours are absolute, but be sure.
  const script = file.startsWith('-') ? `./${file}` : file;
  return { command, args: ['-u'], file: script };
}

/** Parses `python3 --version` output such as "Python 3.11.7" (Python 2 printed it on stderr). */
export function parsePythonVersion(text: string): PythonVersion | undefined {
  const m = /^Python (\d+)\.(\d+)(?:\.(\d+))?/.exec(text.trim());
  return m ? { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3] ?? 0) } : undefined;
}

export function isSupportedPython(v: PythonVersion): boolean {
  const min = MIN_PYTHON_VERSION;
  if (v.major !== min.major) return v.major > min.major;
  if (v.minor !== min.minor) return v.minor > min.minor;
  return v.patch >= min.patch;
}

/** Which interpreter an example file needs, from its extension. */
export function runtimeOf(file: string): 'node' | 'python' {
  return /\.py$/i.test(file) ? 'python' : 'node';
}
