// Kills a run's process and everything it started. Synchronous, so it also works while the
// extension is being deactivated.
//
// POSIX: the run's process leads its own process group (spawned with detached: true), so
// killing the group ends every child that did not leave it. A child that left (spawned with
// detached: true itself, so in a new session) is found as a descendant by parent id, and on
// Linux also by the tag in its environment, which finds it even after its parent has exited
// and it was handed to init. A program that clears its environment and double-forks can still
// escape that; runs started with `contain` (./contain: a PID namespace) cannot.
// Windows: taskkill /T /F walks the tree by parent id.
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';

/** The environment variable that carries a run's tag to every process it starts. */
export const RUN_TAG_ENV = 'WEAKREF_RUN_TAG';

/**
 * @param exited the process has exited and been reaped: its pid may already belong to someone
 *   else, so only its group (whose id stays reserved while a member lives) and the tag are used.
 */
export function killTree(pid: number, tag?: { value: string; since?: number }, exited = false): void {
  if (process.platform === 'win32') {
    if (!exited)
      spawnSync('taskkill', ['/PID', String(pid), '/T', '/F'], { windowsHide: true, stdio: 'ignore', timeout: 5000 });
    return;
  }
  const others = new Set<number>([
    ...(exited ? [] : descendants(pid)),
    ...(tag ? taggedProcesses(tag.value, tag.since) : []),
  ]);
  others.delete(process.pid);
  kill(-pid);
  if (!exited) kill(pid);
  for (const other of others) {
    kill(-other); // its own group, if it leads one
    kill(other);
  }
}

function kill(target: number): void {
  try {
    process.kill(target, 'SIGKILL');
  } catch {
    // ESRCH: already gone (or never a group leader); EPERM: not ours to kill.
  }
}

/** Every process below pid, by parent id. */
export function descendants(pid: number): number[] {
  const table = processTable();
  const children = new Map<number, number[]>();
  for (const [child, parent] of table) {
    const list = children.get(parent) ?? [];
    list.push(child);
    children.set(parent, list);
  }
  const found: number[] = [];
  const queue = [pid];
  while (queue.length) {
    for (const child of children.get(queue.shift()!) ?? []) {
      if (found.includes(child)) continue;
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

/** [pid, parent pid] of every process we can see. */
function processTable(): [number, number][] {
  if (process.platform === 'linux') {
    const rows: [number, number][] = [];
    for (const name of procEntries()) {
      try {
        // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so read after the last ')'.
        const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        rows.push([Number(name), ppid]);
      } catch {
        // the process ended while we looked
      }
    }
    return rows;
  }
  try {
    const text = execFileSync('ps', ['-A', '-o', 'pid=,ppid='], { encoding: 'utf8', timeout: 5000 });
    return text
      .split('\n')
      .map((line) => line.trim().split(/\s+/).map(Number))
      .filter((r): r is [number, number] => r.length === 2 && r.every(Number.isInteger));
  } catch {
    return [];
  }
}

/** When a process started, in clock ticks since boot (Linux), to skip older processes cheaply. */
export function startTicks(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const ticks = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
    return Number.isFinite(ticks) ? ticks : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Linux: processes whose environment holds the run's tag (only our own are readable). Reading
 * another process's environment can wait on that process's memory lock, so only processes
 * started since the run began are read.
 */
function taggedProcesses(tag: string, since: number | undefined): number[] {
  if (process.platform !== 'linux') return [];
  const needle = Buffer.from(`${RUN_TAG_ENV}=${tag}\0`);
  const found: number[] = [];
  for (const name of procEntries()) {
    if (since !== undefined && (startTicks(Number(name)) ?? 0) < since) continue;
    try {
      if (fs.readFileSync(`/proc/${name}/environ`).includes(needle)) found.push(Number(name));
    } catch {
      // not ours, or gone
    }
  }
  return found;
}

function procEntries(): string[] {
  try {
    return fs.readdirSync('/proc').filter((n) => /^\d+$/.test(n));
  } catch {
    return [];
  }
}
