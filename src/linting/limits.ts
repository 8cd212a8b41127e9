// How much the lint worker may use. Measured with dist/lintWorker.js on Node 20 (see
// test/unit/lintWorker.test.ts and docs/weakref-lint.md): TypeScript's parser recurses once per
// level of nesting, so the stack decides how deep a file can be before it is "not analysed".
import type { ResourceLimits } from 'worker_threads';

/**
 * 10,000 levels of nested parentheses, arrays, arrows, object literals, calls, blocks and
 * functions all lint with 64 MB; 16 MB overflows on 10,000 object literals and the default
 * (4 MB) on 10,000 of anything. Node gives the thread a stack of this size too, so V8's limit
 * is real, and deeper files end in a RangeError that is reported, never in a crash.
 */
export const LINT_STACK_MB = 64;

/** The most weakrefLessons.lint.maxFileSize may be, whatever a workspace says. */
export const MAX_LINT_FILE_SIZE = 10_000_000;

/**
 * The editor's worker heap: a file at MAX_LINT_FILE_SIZE (about 400k lines) needs well under
 * this; anything that runs away ends the worker with an out-of-memory error, which is reported
 * for that file, instead of growing the extension host's machine into swap.
 */
export const EDITOR_WORKER_LIMITS: ResourceLimits = {
  stackSizeMb: LINT_STACK_MB,
  maxOldGenerationSizeMb: 1536,
  maxYoungGenerationSizeMb: 64,
};

/** The CLI's worker: the same stack; its heap is V8's default, because the user sets --max-file-size. */
export const CLI_WORKER_LIMITS: ResourceLimits = { stackSizeMb: LINT_STACK_MB };
