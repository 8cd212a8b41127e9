// The timing helpers of the measuring scripts (bench.mjs, bench-eslint-plugin.mjs,
// compare-python-parsers.mjs, compare-parse-fronts.mjs), so that every figure they print is a median taken the same way.
import { performance } from 'node:perf_hooks';

/** The middle value (the mean of the two middle ones for an even count). */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Milliseconds per call of fn, the median of `runs` timed calls after one untimed warm-up call (loading, JIT). */
export function medianTime(fn, runs) {
  fn();
  const xs = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    xs.push(performance.now() - t);
  }
  return median(xs);
}
