// Finds out whether the configured node can run the examples, before a terminal opens,
// so the learner gets a clear message instead of a terminal that dies at once.
import { execFile } from 'child_process';
import { formatVersion, isSupportedNode, MIN_NODE_VERSION, parseNodeVersion, type NodeVersion } from './nodeCommand';

export type NodeProbe =
  | { ok: true; version: NodeVersion }
  | { ok: false; reason: 'missing' | 'too-old' | 'broken'; message: string };

export function probeNode(command: string, timeoutMs = 10_000): Promise<NodeProbe> {
  return new Promise((resolve) => {
    execFile(command, ['--version'], { timeout: timeoutMs, windowsHide: true, shell: false }, (err, stdout) => {
      if (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'EACCES') {
          resolve({ ok: false, reason: 'missing', message: `Node.js was not found at "${command}". Install Node.js 14.6 or later, or set "weakrefLessons.nodePath" to its full path.` });
        } else {
          resolve({ ok: false, reason: 'broken', message: `"${command} --version" failed: ${err.message.split('\n')[0]}` });
        }
        return;
      }
      const version = parseNodeVersion(String(stdout));
      if (!version) {
        resolve({ ok: false, reason: 'broken', message: `"${command} --version" printed "${String(stdout).trim().slice(0, 80)}", which is not a Node.js version.` });
      } else if (!isSupportedNode(version)) {
        resolve({
          ok: false,
          reason: 'too-old',
          message: `Node.js ${formatVersion(version)} at "${command}" has no WeakRef: the examples need ${formatVersion(MIN_NODE_VERSION)} or later.`,
        });
      } else {
        resolve({ ok: true, version });
      }
    });
  });
}
