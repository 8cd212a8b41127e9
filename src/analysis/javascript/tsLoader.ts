// The TypeScript compiler is large; it is loaded the first time a file needs parsing, so
// importing the engine (and activating the extension) stays cheap.
import type * as TS from 'typescript';

let loaded: typeof TS | undefined;

export function typescript(): typeof TS {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require('typescript') as typeof TS;
  return loaded;
}

export function isTypescriptLoaded(): boolean {
  return loaded !== undefined;
}
