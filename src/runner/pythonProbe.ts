// Finds out whether the configured python can run the Python examples, before a terminal
// opens, so the learner gets a clear message instead of a terminal that dies at once.
import { execFile } from 'child_process';
import { formatVersion } from './nodeCommand';
import { isSupportedPython, MIN_PYTHON_VERSION, parsePythonVersion, type PythonVersion } from './pythonCommand';

export type PythonProbe =
  | { ok: true; version: PythonVersion }
  | { ok: false; reason: 'missing' | 'too-old' | 'broken'; message: string };

const MIN = `${MIN_PYTHON_VERSION.major}.${MIN_PYTHON_VERSION.minor}`;

export function probePython(command: string, timeoutMs = 10_000): Promise<PythonProbe> {
  return new Promise((resolve) => {
    execFile(command, ['--version'], { timeout: timeoutMs, windowsHide: true, shell: false }, (err, stdout, stderr) => {
      if (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'EACCES') {
          resolve({ ok: false, reason: 'missing', message: `Python was not found at "${command}". Install Python ${MIN} or later (on Debian or Ubuntu: apt-get install python3), or set "weakrefLessons.pythonPath" to its full path.` });
        } else {
          resolve({ ok: false, reason: 'broken', message: `"${command} --version" failed: ${err.message.split('\n')[0]}` });
        }
        return;
      }
      const text = String(stdout).trim() || String(stderr).trim();
      const version = parsePythonVersion(text);
      if (!version) {
        resolve({ ok: false, reason: 'broken', message: `"${command} --version" printed "${text.slice(0, 80)}", which is not a Python version.` });
      } else if (!isSupportedPython(version)) {
        resolve({ ok: false, reason: 'too-old', message: `Python ${formatVersion(version)} at "${command}" is too old: the Python examples need ${MIN} or later.` });
      } else {
        resolve({ ok: true, version });
      }
    });
  });
}
