// Finds out whether the configured node can run the examples, before a terminal opens,
// so the learner gets a clear message instead of a terminal that dies at once.
import { startRun } from '../process/run';
import { formatVersion, isSupportedNode, MIN_NODE_VERSION, parseNodeVersion, type NodeVersion } from './nodeCommand';

export type NodeProbe =
  { ok: true; version: NodeVersion } | { ok: false; reason: 'missing' | 'too-old' | 'broken'; message: string };

export async function probeNode(command: string, timeoutMs = 10_000): Promise<NodeProbe> {
  let stdout = '';
  const end = await startRun(command, ['--version'], {
    timeoutMs,
    tailChars: 4096,
    onOutput: (text, stream) => stream === 'stdout' && (stdout += text.slice(0, 4096)),
  }).done;
  if (end.reason === 'not-started') {
    const missing = end.startErrorCode === 'ENOENT' || end.startErrorCode === 'EACCES';
    return { ok: false, reason: missing ? 'missing' : 'broken', message: end.startError! };
  }
  if (end.reason === 'timed-out' || end.code !== 0) {
    return {
      ok: false,
      reason: 'broken',
      message: `"${command} --version" failed: it ${end.reason === 'timed-out' ? 'did not answer within ' + timeoutMs / 1000 + ' s' : end.signal ? 'was stopped by ' + end.signal : 'exited with code ' + end.code}.`,
    };
  }
  const version = parseNodeVersion(stdout);
  if (!version)
    return {
      ok: false,
      reason: 'broken',
      message: `"${command} --version" printed "${stdout.trim().slice(0, 80)}", which is not a Node.js version.`,
    };
  if (!isSupportedNode(version)) {
    return {
      ok: false,
      reason: 'too-old',
      message: `Node.js ${formatVersion(version)} at "${command}" has no WeakRef: the examples need ${formatVersion(MIN_NODE_VERSION)} or later.`,
    };
  }
  return { ok: true, version };
}
