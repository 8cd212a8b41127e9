// Node 22.1+ can keep V8's compiled code for loaded modules on disk (module.enableCompileCache),
// which saves most of the cost of compiling the 3.6 MB engine bundle on every run. Older Node
// (20) has no such function: then this does nothing. It only helps modules loaded after the
// call, which is why the lint worker is started through a small entry that calls it first.
import * as nodeModule from 'module';

export function enableCompileCache(): void {
  const enable = (nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache;
  if (typeof enable !== 'function') return;
  try {
    enable();
  } catch {
    // A cache folder that cannot be made only costs speed.
  }
}
