// Linux: runs a program in a PID namespace of its own (util-linux `unshare`), so that ending the
// run ends every process it started. A process can leave a process group, a session and its
// parent, and clear the environment that tags it (killTree finds none of those after a double
// fork with setsid); it cannot leave its PID namespace, and when the namespace's first process
// dies the kernel kills every process in it. `--kill-child` makes that first process die with
// `unshare`, which the runner kills at the time limit or at stop().
//
// Root (or CAP_SYS_ADMIN) can create the namespace directly; a normal user needs unprivileged
// user namespaces, which some systems turn off (a sysctl, or AppArmor on Ubuntu 24.04). Which one
// works is probed once per process; where none does, runs are not contained and the runner's
// process-tree kill is all there is (docs/EXERCISES.md says what survives then).
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const NAMESPACE = ['--pid', '--fork', '--kill-child'];
const FLAG_SETS = [
  NAMESPACE, // root
  ['--user', '--map-current-user', ...NAMESPACE], // a normal user keeps their uid inside
  ['--user', '--map-root-user', ...NAMESPACE], // util-linux before 2.38 has no --map-current-user
];

let probed: string[] | null | undefined;

/** `unshare` and its flags, ready to be put before a command; undefined where runs cannot be contained. */
export function containmentPrefix(): string[] | undefined {
  if (probed === undefined) probed = probe();
  return probed ?? undefined;
}

export const containmentAvailable = (): boolean => containmentPrefix() !== undefined;

function probe(): string[] | null {
  if (process.platform !== 'linux' || process.env.WEAKREF_NO_CONTAIN) return null;
  const unshare = findExecutable('unshare');
  if (typeof unshare !== 'string') return null;
  for (const flags of FLAG_SETS) {
    const result = spawnSync(unshare, [...flags, '--', '/bin/sh', '-c', 'exit 7'], { stdio: 'ignore', timeout: 5000 });
    if (result.status === 7) return [unshare, ...flags, '--'];
  }
  return null;
}

/**
 * The file spawn() would run for `command` (a path, or a name searched on PATH), or the error
 * spawn() would give, so that a contained run reports a missing program as a run that did not start.
 */
export function findExecutable(
  command: string,
  cwd?: string,
  envPath = process.env.PATH ?? '',
): string | NodeJS.ErrnoException {
  const fail = (code: string, message: string) => Object.assign(new Error(`${message} ${command}`), { code });
  const usable = (file: string): string | NodeJS.ErrnoException | undefined => {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch {
      return undefined;
    }
    if (!stat.isFile()) return fail('EACCES', 'spawn EACCES:');
    try {
      fs.accessSync(file, fs.constants.X_OK);
    } catch {
      return fail('EACCES', 'spawn EACCES:');
    }
    return file;
  };
  if (command.includes('/')) return usable(path.resolve(cwd ?? '.', command)) ?? fail('ENOENT', 'spawn ENOENT:');
  let denied: NodeJS.ErrnoException | undefined;
  for (const dir of envPath.split(path.delimiter)) {
    if (!dir) continue;
    const found = usable(path.join(dir, command));
    if (typeof found === 'string') return found;
    denied ??= found;
  }
  return denied ?? fail('ENOENT', 'spawn ENOENT:');
}
