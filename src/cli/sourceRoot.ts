// SARIF's %SRCROOT%: the repository root (the nearest folder up from the working folder that
// holds .git, a folder or a worktree's file), so URIs match what code scanning shows; else cwd.
import * as fs from 'fs';
import * as path from 'path';

export function findSourceRoot(cwd: string): string {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(cwd);
  }
}
