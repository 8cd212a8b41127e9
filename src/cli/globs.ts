// Glob arguments, as ESLint takes them: an argument that names no file or folder and has glob
// syntax in it is matched (by picomatch, with bash's rules; dot files included, as ESLint's
// minimatch is set up) against the paths under its leading fixed folders.
import * as path from 'path';
import picomatch from 'picomatch';

export interface GlobMatcher {
  /** The folder to walk: the pattern's leading segments that have no glob syntax. */
  base: string;
  matches: (file: string) => boolean;
}

const toPosix = (p: string) => p.split(path.sep).join('/');

/** undefined when the argument has no glob syntax. */
export function globMatcher(pattern: string, cwd = process.cwd()): GlobMatcher | undefined {
  const posix = toPosix(pattern).replace(/^(\.\/)+/, '');
  const scan = picomatch.scan(posix);
  if (!scan.isGlob) return undefined;
  const absolute = path.isAbsolute(pattern);
  const isMatch = picomatch(posix, { dot: true });
  return {
    // As written (relative stays relative), so the files found are named as a folder's are.
    base: scan.base || '.',
    // Relative patterns are matched against paths relative to the working folder, so the folder's
    // own name may contain glob syntax without changing the meaning.
    matches: (file) =>
      isMatch(toPosix(absolute ? path.resolve(cwd, file) : path.relative(cwd, path.resolve(cwd, file)))),
  };
}
