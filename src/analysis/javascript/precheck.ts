// The cheap first step: a file that never names a weak API (or a suppression comment) cannot
// have a finding, so it is not parsed at all. indexOf is much faster than one regex here.
const NEEDLES = ['Weak', 'FinalizationRegistry', 'deref', 'weakref-lint'];

export function mightUseWeakApis(text: string): boolean {
  for (const needle of NEEDLES) if (text.indexOf(needle) !== -1) return true;
  return false;
}
