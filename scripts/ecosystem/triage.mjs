// The committed triage: every finding the corpus gives, with a verdict and one line on why.
// Compared with a run, any finding that is new, gone or untriaged fails the check.
import { readFileSync, writeFileSync } from 'node:fs';

export const VERDICTS = ['real-bug', 'false-alarm', 'deliberate'];

export function readTriage(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** new: found but not in the file; gone: in the file but not found; untriaged: no valid verdict or no why. */
export function compare(triage, keys) {
  const known = new Map(triage.entries.map((e) => [e.finding, e]));
  const found = new Set(keys);
  return {
    added: keys.filter((k) => !known.has(k)),
    gone: triage.entries.filter((e) => !found.has(e.finding)).map((e) => e.finding),
    untriaged: triage.entries
      .filter((e) => found.has(e.finding) && (!VERDICTS.includes(e.verdict) || !e.why?.trim()))
      .map((e) => e.finding),
  };
}

/**
 * --update: keeps every entry still found, drops the gone ones and adds the new ones with the
 * verdict "untriaged", for a person to decide (the check fails until they have).
 */
export function update(file, triage, findings) {
  const known = new Map(triage.entries.map((e) => [e.finding, e]));
  const entries = findings
    .map((f) => known.get(f.key) ?? { finding: f.key, code: f.code, verdict: 'untriaged', why: '' })
    .sort((a, b) => a.finding.localeCompare(b.finding));
  writeFileSync(file, JSON.stringify({ ...triage, entries }, null, 2) + '\n');
  return entries;
}
