// A SARIF result's identity across runs (partialFingerprints), so GitHub code scanning keeps an
// alert, and its dismissal, when unrelated lines are added above it. Built from what does not
// move: the rule, the file, the text of the finding's line (trimmed, so re-indenting keeps it),
// and which occurrence of that same text it is in the file (two identical lines stay two alerts).
import { createHash } from 'crypto';

/**
 * Our own key: GitHub reserves primaryLocationLineHash and recomputes it from the file (the
 * upload action warns when a tool's value differs), so ours sits beside it under a versioned name.
 */
export const FINGERPRINT_KEY = 'weakrefLint/v1';

export interface FingerprintInput {
  rule: string;
  /** The file as the SARIF URI names it (relative to %SRCROOT%), so the value is the same on every machine. */
  uri: string;
  /** The source line the finding starts on; undefined when unknown (the empty line stands in). */
  lineText?: string;
}

/** One fingerprint per input, in order; the occurrence index counts equal (rule, file, line text) before it. */
export function fingerprints(inputs: readonly FingerprintInput[]): string[] {
  const seen = new Map<string, number>();
  return inputs.map((f) => {
    const key = [f.rule, f.uri, (f.lineText ?? '').trim()].join('\0');
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    return `${createHash('sha256').update(`${key}\0${occurrence}`).digest('hex').slice(0, 32)}:${occurrence}`;
  });
}

/** The text of 1-based line `line` of `text`, without its line break. */
export function lineAt(text: string, line: number): string {
  let start = 0;
  for (let i = 1; i < line; i++) {
    const next = text.indexOf('\n', start);
    if (next < 0) return '';
    start = next + 1;
  }
  const end = text.indexOf('\n', start);
  return text.slice(start, end < 0 ? text.length : end).replace(/\r$/, '');
}
