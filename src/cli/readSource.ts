// Reads one file for linting without trusting it (readBounded: only regular files, never more
// than the limit), then leaves out what is not source text: binary data, and the byte-order mark.
import { readBoundedSync } from '../files/readBounded';

export type ReadResult = { ok: true; text: string } | { ok: false; kind: 'unreadable' | 'skipped'; message: string };

export function readSource(file: string, maxBytes: number): ReadResult {
  const read = readBoundedSync(file, maxBytes);
  if (!read.ok) {
    if (read.reason === 'too-large')
      return { ok: false, kind: 'skipped', message: `larger than the limit of ${maxBytes} bytes (--max-file-size)` };
    return { ok: false, kind: 'unreadable', message: read.message };
  }
  let text = read.text;
  if (text.includes('\u0000'))
    return { ok: false, kind: 'skipped', message: 'it looks binary (it contains a NUL byte)' };
  // Editors and GitHub count columns after the byte-order mark, so the engine must not see it.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { ok: true, text };
}
