// The secret that signs weakref-lint's cache. It lives outside every repository, in the user's
// cache folder, so a cache file that was committed, or copied from another machine, carries no
// valid signature and is not believed: a repository cannot plant "no findings" for its files.
import { createHmac, randomBytes } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readBoundedSync } from '../files/readBounded';

/** $XDG_CACHE_HOME/weakref-lint/cache-key, else ~/.cache/weakref-lint/cache-key. */
export function cacheKeyFile(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'weakref-lint', 'cache-key');
}

const isKey = (s: string) => /^[0-9a-f]{64}$/.test(s);

/** The key, made on first use (readable by the user only); undefined with the reason when it can be neither read nor made. */
export function cacheKey(file = cacheKeyFile()): { key?: string; problem?: string } {
  for (let attempt = 0; attempt < 2; attempt++) {
    const read = readBoundedSync(file, 64);
    if (read.ok) return isKey(read.text) ? { key: read.text } : { problem: `${file} is not a weakref-lint cache key` };
    if (read.reason !== 'missing') return { problem: `cannot read ${file} (${read.message})` };
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      // 'wx': two runs starting at once keep the first key; the second reads it on its next attempt.
      fs.writeFileSync(file, randomBytes(32).toString('hex'), { flag: 'wx', mode: 0o600 });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST')
        return { problem: `cannot write ${file} (${(e as Error).message})` };
    }
  }
  return { problem: `cannot read ${file}` };
}

/** The signature of a cache's contents under the key. */
export const cacheSignature = (key: string, signed: string) => createHmac('sha256', key).update(signed).digest('hex');
