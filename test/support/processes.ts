// Helpers for tests that check a process is really gone.
import * as fs from 'node:fs';

/** True while pid runs. A zombie (dead, not yet reaped by its new parent) counts as gone. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  if (process.platform === 'linux') {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
    } catch {
      return false;
    }
  }
  return true;
}

/** Waits up to ms for a file to hold a pid (written by a test program), and returns it. */
export async function readPid(file: string, ms = 10_000): Promise<number> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      const pid = Number(fs.readFileSync(file, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0) return pid;
    } catch {
      // not written yet
    }
    if (Date.now() > until) throw new Error(`no pid in ${file} after ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Waits up to ms for pid to be gone; true if it went. */
export async function waitGone(pid: number, ms = 3000): Promise<boolean> {
  const until = Date.now() + ms;
  while (isAlive(pid)) {
    if (Date.now() > until) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
  return true;
}

/**
 * A program (for `node -e`-free use: write it to a file) that starts a long-lived child and waits
 * until the child has written its pid to pidFile. The child writes the pid the system sees
 * (/proc/self): inside a contained run (a PID namespace) child.pid is the namespace's number.
 */
export function spawnerSource(
  pidFile: string,
  options: { detached: boolean; stdio: 'inherit' | 'ignore'; thenExit: boolean },
): string {
  const child = `let p; try { p = require('fs').readlinkSync('/proc/self'); } catch { p = String(process.pid); } require('fs').writeFileSync(${JSON.stringify(pidFile)}, p); setInterval(() => {}, 1000);`;
  return [
    "const { spawn } = require('child_process');",
    `const child = spawn(process.execPath, ['-e', ${JSON.stringify(child)}], { detached: ${options.detached}, stdio: ${JSON.stringify(options.stdio)} });`,
    'child.unref();',
    'const until = Date.now() + 5000;',
    `while (!require('fs').existsSync(${JSON.stringify(pidFile)}) && Date.now() < until) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);`,
    options.thenExit ? '' : 'setInterval(() => {}, 1000);',
  ].join('\n');
}

/**
 * Linux: the processes whose command line holds `needle` that are still alive after up to ms;
 * they are killed before returning, so a failing test leaves nothing behind.
 */
export async function survivors(needle: string, ms = 3000): Promise<number[]> {
  const find = () =>
    fs
      .readdirSync('/proc')
      .filter((n) => /^\d+$/.test(n))
      .map(Number)
      .filter((pid) => {
        try {
          return fs.readFileSync(`/proc/${pid}/cmdline`, 'latin1').includes(needle) && isAlive(pid);
        } catch {
          return false;
        }
      });
  const until = Date.now() + ms;
  let found = find();
  while (found.length && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 100));
    found = find();
  }
  for (const pid of found) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone meanwhile
    }
  }
  return found;
}
