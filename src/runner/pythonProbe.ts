// Finds out whether the configured python can run the Python examples, before a terminal
// opens, so the learner gets a clear message instead of a terminal that dies at once.
import { PYTHON_PROGRAM } from '../process/run';
import { formatVersion } from './nodeCommand';
import { isSupportedPython, MIN_PYTHON_VERSION, parsePythonVersion, type PythonVersion } from './pythonCommand';
import { probeVersion, type VersionProbe } from './versionProbe';

export type PythonProbe = VersionProbe<PythonVersion>;

const MIN = `${MIN_PYTHON_VERSION.major}.${MIN_PYTHON_VERSION.minor}`;

export function probePython(command: string, timeoutMs = 10_000): Promise<PythonProbe> {
  return probeVersion(
    command,
    {
      program: PYTHON_PROGRAM,
      // Python 2 printed its version on stderr.
      readsStderr: true,
      parse: parsePythonVersion,
      whyUnsupported: (v) =>
        isSupportedPython(v)
          ? undefined
          : `Python ${formatVersion(v)} at "${command}" is too old: the Python examples need ${MIN} or later.`,
    },
    timeoutMs,
  );
}
