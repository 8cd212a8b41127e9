// The folder the real-VS-Code tests open: a fresh copy of test/fixtures/workspace under a
// path with spaces, a quote and non-ASCII letters, so every feature meets such a path.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from './realVsCode';

export function createTestWorkspace(): string {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'weakref-ws-'));
  const dir = path.join(parent, "my project's wörkspace");
  fs.cpSync(path.join(REPO_ROOT, 'test', 'fixtures', 'workspace'), dir, { recursive: true });
  return dir;
}
