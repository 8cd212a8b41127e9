// Copies a lesson's file to the learner's copy only when there is none: the learner's work is
// never overwritten, even by a copy racing this one.
import { constants, promises as fs } from 'fs';
import * as path from 'path';

/** True when this call made the copy; false when a file was there already. */
export async function copyIfMissing(from: string, to: string): Promise<boolean> {
  await fs.mkdir(path.dirname(to), { recursive: true });
  // COPYFILE_EXCL: whatever is there already is the learner's.
  return fs.copyFile(from, to, constants.COPYFILE_EXCL).then(
    () => true,
    (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EEXIST') throw e;
      return false;
    },
  );
}
