// A Python file that never says `weakref` cannot use the module (nor carry a directive that
// names this linter, which starts with "weakref-lint"), so it is not parsed at all.
export function mightUsePythonWeakrefs(text: string): boolean {
  return text.indexOf('weakref') !== -1;
}
