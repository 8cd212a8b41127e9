// Hostile inputs for the linter, generated at run time (megabyte fixtures are never committed).

/** One file with three deep nestings (parentheses, arrays, arrows) and, on line 4, one invalid weak target. */
export function deeplyNested(levels: number): string {
  return [
    `const p = ${'('.repeat(levels)}1${')'.repeat(levels)};`,
    `const a = ${'['.repeat(levels)}1${']'.repeat(levels)};`,
    `const f = ${'() => '.repeat(levels)}1;`,
    'new WeakRef(1);',
    '',
  ].join('\n');
}

/** Nested parentheses only (two bytes a level), and an invalid weak target on line 2. */
export function deepParentheses(levels: number): string {
  return `const p = ${'('.repeat(levels)}1${')'.repeat(levels)};\nnew WeakRef(1);\n`;
}
