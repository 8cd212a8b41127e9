// Hostile inputs for the linter, generated at run time (megabyte fixtures are never committed).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

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

/**
 * A FIFO held open for writing, as stdin: reading /dev/stdin then waits for ever, as in a CI step
 * whose stdin is a pipe nobody closes (spawnSync's own stdin is a socket, which /dev/stdin cannot open).
 */
export function stdinThatNeverEnds(dir: string): number {
  const fifo = path.join(dir, '.stdin-fifo');
  if (!fs.existsSync(fifo)) if (spawnSync('mkfifo', [fifo]).status !== 0) throw new Error('mkfifo failed');
  return fs.openSync(fifo, fs.constants.O_RDWR);
}
