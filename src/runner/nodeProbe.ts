// Finds out whether the configured node can run the examples, before a terminal opens,
// so the learner gets a clear message instead of a terminal that dies at once.
import { NODE_PROGRAM } from '../process/run';
import { formatVersion, isSupportedNode, MIN_NODE_VERSION, parseNodeVersion, type NodeVersion } from './nodeCommand';
import { probeVersion, type VersionProbe } from './versionProbe';

export type NodeProbe = VersionProbe<NodeVersion>;

export function probeNode(command: string, timeoutMs = 10_000): Promise<NodeProbe> {
  return probeVersion(
    command,
    {
      program: NODE_PROGRAM,
      readsStderr: false,
      parse: parseNodeVersion,
      whyUnsupported: (v) =>
        isSupportedNode(v)
          ? undefined
          : `Node.js ${formatVersion(v)} at "${command}" has no WeakRef: the examples need ${formatVersion(MIN_NODE_VERSION)} or later.`,
    },
    timeoutMs,
  );
}
