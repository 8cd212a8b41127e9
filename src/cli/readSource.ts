// Reads one file for linting without trusting its size: only regular files, and never more
// than the limit plus one byte (enough to know it is over), so /dev/zero or a FIFO named x.js
// cannot make the CLI run away or hang.
import * as fs from 'fs';

export type ReadResult = { ok: true; text: string } | { ok: false; kind: 'unreadable' | 'skipped'; message: string };

const CHUNK = 1 << 16;

export function readSource(file: string, maxBytes: number): ReadResult {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer (it is refused just below).
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (e) {
    const message = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : (e as Error).message;
    return { ok: false, kind: 'unreadable', message };
  }
  try {
    if (!fs.fstatSync(fd).isFile()) return { ok: false, kind: 'unreadable', message: 'not a regular file' };
    const chunks: Buffer[] = [];
    let total = 0;
    while (total <= maxBytes) {
      const chunk = Buffer.allocUnsafe(Math.min(CHUNK, maxBytes + 1 - total));
      const n = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
      total += n;
    }
    if (total > maxBytes)
      return { ok: false, kind: 'skipped', message: `larger than the limit of ${maxBytes} bytes (--max-file-size)` };
    let text = Buffer.concat(chunks, total).toString('utf8');
    if (text.includes('\u0000'))
      return { ok: false, kind: 'skipped', message: 'it looks binary (it contains a NUL byte)' };
    // Editors and GitHub count columns after the byte-order mark, so the engine must not see it.
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { ok: true, text };
  } catch (e) {
    return { ok: false, kind: 'unreadable', message: (e as Error).message };
  } finally {
    fs.closeSync(fd);
  }
}
