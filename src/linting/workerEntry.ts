// The CLI's lint worker entry (bundled as dist/lintWorkerEntry.js): turns on Node's compile
// cache where there is one, then loads the engine's bundle beside it, so that bundle's compiled
// code is cached between runs.
import * as path from 'path';
import { enableCompileCache } from '../compileCache';

enableCompileCache();
// A computed path: the bundler must leave this require to run time (the engine is its own bundle).
const engine = ['lintWorker', 'js'].join('.');
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a run-time load of the other bundle is the point
require(path.join(__dirname, engine));
