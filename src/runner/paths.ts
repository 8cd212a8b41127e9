// Whether a file lies inside a folder, decided on real paths: a path that climbs out with
// "..", or a symbolic link that points elsewhere, is not inside however its text begins.
import * as fs from 'fs';
import * as path from 'path';

function realOrResolved(p: string): string {
  try {
    return fs.realpathSync.native(p);
  } catch {
    return path.resolve(p); // a root that does not exist yet (no copies made so far)
  }
}

/** True when file exists and its real path is inside one of roots (never equal to a root). */
export function isInsideAny(file: string, roots: readonly string[]): boolean {
  let real: string;
  try {
    real = fs.realpathSync.native(file);
  } catch {
    return false; // a file that does not exist is no one's; the caller asks as for any other
  }
  return roots.some((root) => {
    const rel = path.relative(realOrResolved(root), real);
    return rel !== '' && rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
  });
}
