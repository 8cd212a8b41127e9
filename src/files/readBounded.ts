// Reads a file that a workspace or a repository controls without trusting it: only a regular file
// is read, never more than the limit plus one byte (enough to know it is over), and opening a FIFO
// does not wait for a writer. So a link to /dev/zero, /dev/stdin or a named pipe is refused with a
// reason instead of filling memory or hanging. Pure: no `vscode`; one sync and one async form.
import * as fs from 'fs';

export type BoundedRead =
  | { ok: true; text: string }
  | { ok: false; reason: 'missing' | 'not-a-file' | 'too-large' | 'unreadable'; message: string };

// O_NONBLOCK: a FIFO opens at once (and is refused by the regular-file check just after).
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);
const CHUNK = 1 << 16;

const openFailed = (e: unknown): BoundedRead =>
  (e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ENOTDIR'
    ? { ok: false, reason: 'missing', message: 'no such file or folder' }
    : { ok: false, reason: 'unreadable', message: (e as Error).message };

const NOT_A_FILE: BoundedRead = { ok: false, reason: 'not-a-file', message: 'not a regular file' };

function finish(chunks: Buffer[], total: number, maxBytes: number): BoundedRead {
  if (total > maxBytes) return { ok: false, reason: 'too-large', message: `larger than ${maxBytes} bytes` };
  return { ok: true, text: Buffer.concat(chunks, total).toString('utf8') };
}

/** The file's text, read on the calling thread (for the CLI, which has nothing else to do meanwhile). */
export function readBoundedSync(file: string, maxBytes: number): BoundedRead {
  let fd: number;
  try {
    fd = fs.openSync(file, OPEN_FLAGS);
  } catch (e) {
    return openFailed(e);
  }
  try {
    if (!fs.fstatSync(fd).isFile()) return NOT_A_FILE;
    const chunks: Buffer[] = [];
    let total = 0;
    for (let n = -1; n !== 0 && total <= maxBytes; total += n) {
      const chunk = Buffer.allocUnsafe(Math.min(CHUNK, maxBytes + 1 - total));
      n = fs.readSync(fd, chunk, 0, chunk.length, null);
      chunks.push(chunk.subarray(0, n));
    }
    return finish(chunks, total, maxBytes);
  } catch (e) {
    return { ok: false, reason: 'unreadable', message: (e as Error).message };
  } finally {
    fs.closeSync(fd);
  }
}

/** The file's text, read on libuv's thread pool: for the extension host, whose thread must stay free. */
export async function readBounded(file: string, maxBytes: number): Promise<BoundedRead> {
  let handle: fs.promises.FileHandle;
  try {
    handle = await fs.promises.open(file, OPEN_FLAGS);
  } catch (e) {
    return openFailed(e);
  }
  try {
    if (!(await handle.stat()).isFile()) return NOT_A_FILE;
    const chunks: Buffer[] = [];
    let total = 0;
    for (let n = -1; n !== 0 && total <= maxBytes; total += n) {
      const chunk = Buffer.allocUnsafe(Math.min(CHUNK, maxBytes + 1 - total));
      n = (await handle.read(chunk, 0, chunk.length, null)).bytesRead;
      chunks.push(chunk.subarray(0, n));
    }
    return finish(chunks, total, maxBytes);
  } catch (e) {
    return { ok: false, reason: 'unreadable', message: (e as Error).message };
  } finally {
    await handle.close();
  }
}
