// How an example is started: an executable and an argument vector, never a shell string,
// so no path or setting is ever interpreted by a shell.

/** WeakRef and FinalizationRegistry shipped unflagged in Node 14.6. */
export const MIN_NODE_VERSION = { major: 14, minor: 6, patch: 0 } as const;

export interface NodeVersion {
  major: number;
  minor: number;
  patch: number;
}

/** `command ...args file`: the node options and the script are kept apart (see src/process/run). */
export type { Invocation as NodeInvocation } from '../process/run';
import type { Invocation } from '../process/run';

export class InvalidSettingError extends Error {}

/**
 * Builds `node --expose-gc [extra…] <file>`. Extra arguments must be node options (start
 * with "-"): a bare word would be taken as the script and the example would never run.
 */
export function buildNodeInvocation(nodePath: unknown, extraArgs: unknown, file: string): Invocation {
  const command = typeof nodePath === 'string' && nodePath.trim() ? nodePath.trim() : 'node';
  const extra = validateExtraArgs(extraArgs);
  if (!file) throw new InvalidSettingError('no file to run');
  // A relative path that starts with "-" would be read as an option; ours are absolute, but be sure.
  const script = file.startsWith('-') ? `./${file}` : file;
  return { command, args: ['--expose-gc', ...extra.filter((a) => a !== '--expose-gc')], file: script };
}

function validateExtraArgs(extraArgs: unknown): string[] {
  if (extraArgs === undefined || extraArgs === null) return [];
  if (!Array.isArray(extraArgs) || extraArgs.some((a) => typeof a !== 'string')) {
    throw new InvalidSettingError('"weakrefLessons.nodeArgs" must be a list of strings, such as ["--trace-gc"]');
  }
  const args = extraArgs as string[];
  const bad = args.find((a) => !a.startsWith('-'));
  if (bad !== undefined) {
    throw new InvalidSettingError(
      `"weakrefLessons.nodeArgs" may hold only node options; ${JSON.stringify(bad)} does not start with "-"`,
    );
  }
  return args;
}

/** Parses `node --version` output such as "v20.20.2". */
export function parseNodeVersion(text: string): NodeVersion | undefined {
  const m = /^v?(\d+)\.(\d+)\.(\d+)/.exec(text.trim());
  return m ? { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]) } : undefined;
}

export function isSupportedNode(v: NodeVersion): boolean {
  const min = MIN_NODE_VERSION;
  if (v.major !== min.major) return v.major > min.major;
  if (v.minor !== min.minor) return v.minor > min.minor;
  return v.patch >= min.patch;
}

export function formatVersion(v: NodeVersion): string {
  return `${v.major}.${v.minor}.${v.patch}`;
}
