// How an analysis fails, shared by both front ends: a file that could not be analysed is
// reported as such, never mistaken for a clean one.
import type { AnalysisFailure, AnalyzeOptions } from './types';

/** Tells options.onInternalError about an error the engine caught instead of throwing. */
export function reportError(options: AnalyzeOptions | undefined, e: unknown): void {
  try {
    options?.onInternalError?.(e);
  } catch {
    /* a broken callback must not break linting */
  }
}

export function isStackOverflow(e: unknown): boolean {
  return e instanceof RangeError && /call stack/i.test(e.message);
}

/** What to tell the user about an error that stopped the analysis of a whole file. */
export function describeFailure(e: unknown): AnalysisFailure {
  if (isStackOverflow(e))
    return {
      reason: 'too-deep',
      message: 'the code is nested too deeply to analyse (the call stack overflowed); nothing in this file was checked',
    };
  return {
    reason: 'internal-error',
    message: `the linter failed on this file (${String((e as Error)?.message ?? e)}); nothing in this file was checked`,
  };
}
