// The script the checker runs in a child process: `node --expose-gc <harness> <checks.js> <learner file>`.
// It is kept as text so that it works from the esbuild bundle; the checker writes it to a
// temporary file for each run. Plain CommonJS for Node 14.6+, no dependencies.
//
// Protocol: the harness reports on its own pipe, file descriptor 3 (never stdout, which is the
// learner's), each message on a line of its own: "\n" + marker + " " + JSON + "\n". The marker is
// random per run; the harness reads it from a file that it deletes before any other code runs,
// so it is in no argument, no environment and no stream the learner's code can see. Everything
// on stdout and stderr is the learner's output.
//
// Messages, in this order and no other (the checker treats any other order as tampering):
//   { "t": "checks", "checks": [{ "id", "requirement" }] }   the checks file loaded
//   { "t": "start", "i": n }                                  check n is running
//   { "t": "result", "i": n, "passed": bool, "message"? }     check n is done
//   { "t": "done" }                                           every check ran
//   { "t": "fatal", "error": "..." }                          the checks file could not be used
// Streaming them one by one lets the checker say which check was running when it had to stop
// the process (an endless loop), and keep the results of the checks before it. After "done" or
// "fatal" the harness waits to be killed, so the checker can end every process the learner's
// code started while their parent still lives.
//
// The learner's code runs in this process and can replace any global. So everything the harness
// relies on after loading it (JSON.stringify, fs.writeSync, Promise and its then, timers,
// Reflect.apply, the checks' run functions) is captured first, and whether a check passed is
// decided by control flow alone, never by a value the learner's code could have touched. This
// stops accidental and casual fakes; it cannot stop a determined learner (see docs/EXERCISES.md).

import { MARKER_FILE_ENV, MAX_MESSAGE_CHARS } from './checkProtocol';

/** Environment variables the checker passes to the harness. */
export const HARNESS_ENV = {
  markerFile: MARKER_FILE_ENV,
  budgetMs: 'WEAKREF_CHECK_BUDGET_MS',
} as const;

/** The harness's own pipe in the child. */
export const PROTOCOL_FD = 3;

/** No check may take longer than this, whatever the overall budget. */
export const MAX_CHECK_MS = 10_000;

export const HARNESS_SOURCE = String.raw`'use strict';
// Everything used after the learner's file has loaded is captured here, before it can be replaced.
const path = require('path');
const fs = require('fs');
const writeSync = fs.writeSync;
const U8 = Uint8Array;
const charCodeAt = String.prototype.charCodeAt;
const sliceText = String.prototype.slice;
const HEX = '0123456789abcdef';
const stringify = JSON.stringify;
const RealPromise = Promise;
const promiseThen = Promise.prototype.then;
const apply = Reflect.apply;
const freeze = Object.freeze;
const objectCreate = Object.create;
const objectKeys = Object.keys;
const RealError = Error;
const StringOf = String;
const realSetTimeout = setTimeout;
const realClearTimeout = clearTimeout;
const realExit = process.exit.bind(process);
const writeStdout = process.stdout.write.bind(process.stdout);
const writeStderr = process.stderr.write.bind(process.stderr);
const collect = typeof gc === 'function' ? gc : undefined;
const requireResolve = require.resolve;
const requireCache = require.cache;

// The marker stays bytes, never a string: a heap snapshot lists strings, not the bytes of buffers.
let markerBytes = new U8(0);
try {
  const markerFile = process.env.${HARNESS_ENV.markerFile};
  const raw = fs.readFileSync(markerFile);
  fs.unlinkSync(markerFile);
  markerBytes = new U8(raw.length);
  for (let k = 0; k < raw.length; k++) markerBytes[k] = raw[k];
  raw.fill(0);
} catch (_) {}
// (bytes, offset) => bytes written (0: try again), or -1 when the pipe is gone.
let writeBytes = (bytes, offset) => {
  try {
    return writeSync(${PROTOCOL_FD}, bytes, offset, bytes.length - offset);
  } catch (e) {
    return e && e.code === 'EAGAIN' ? 0 : -1;
  }
};
try {
  const quiet = process.noDeprecation;
  process.noDeprecation = true; // process.binding warns under --pending-deprecation
  let binding;
  try {
    binding = process.binding('fs');
  } finally {
    process.noDeprecation = quiet;
  }
  const writeBuffer = binding && binding.writeBuffer;
  const EAGAIN = -(require('os').constants.errno.EAGAIN);
  // Synchronous form, Node 14 to 24: (fd, buffer, offset, length, position, undefined, ctx);
  // a failure is a negative errno, in ctx too.
  if (typeof writeBuffer === 'function')
    writeBytes = (bytes, offset) => {
      const ctx = {};
      let written;
      try {
        written = writeBuffer(${PROTOCOL_FD}, bytes, offset, bytes.length - offset, null, undefined, ctx);
      } catch (e) {
        return e && e.code === 'EAGAIN' ? 0 : -1;
      }
      const errno = ctx.errno !== undefined ? ctx.errno : typeof written === 'number' && written < 0 ? written : 0;
      if (errno) return errno === EAGAIN ? 0 : -1;
      return typeof written === 'number' ? written : -1;
    };
} catch (_) {
  // no binding (a future Node, or the permission model): fs.writeSync, captured above
}
const budgetMs = Number(process.env.${HARNESS_ENV.budgetMs}) || 30000;
delete process.env.${HARNESS_ENV.markerFile};
delete process.env.${HARNESS_ENV.budgetMs};
const checksFile = path.resolve(process.argv[2] || '');
const learnerFile = path.resolve(process.argv[3] || '');
let learnerReal = learnerFile; // stacks name the file by its real path
try {
  learnerReal = fs.realpathSync(learnerFile);
} catch (_) {}

// The message is copied onto an object without a prototype first: JSON.stringify would
// otherwise call a toJSON the learner's code put on Object.prototype. The line is built byte by
// byte (the JSON made ASCII: other characters become u-escapes) with no Buffer method, so no hook on
// Buffer.prototype or in the fs binding ever sees the marker; and written with the fs binding's
// own writeBuffer, captured above, so replacing it on the binding changes nothing.
function send(message) {
  const clean = objectCreate(null);
  const keys = objectKeys(message);
  for (let k = 0; k < keys.length; k++) clean[keys[k]] = message[keys[k]];
  const json = stringify(clean);
  let size = 0;
  for (let k = 0; k < json.length; k++) size += apply(charCodeAt, json, [k]) < 0x80 ? 1 : 6;
  const bytes = new U8(markerBytes.length + size + 3);
  let at = 0;
  bytes[at++] = 10;
  for (let k = 0; k < markerBytes.length; k++) bytes[at++] = markerBytes[k];
  bytes[at++] = 32;
  for (let k = 0; k < json.length; k++) {
    const c = apply(charCodeAt, json, [k]);
    if (c < 0x80) {
      bytes[at++] = c;
      continue;
    }
    bytes[at++] = 92; // backslash, u, four hex digits
    bytes[at++] = 117;
    for (let shift = 12; shift >= 0; shift -= 4) bytes[at++] = apply(charCodeAt, HEX, [(c >> shift) & 15]);
  }
  bytes[at++] = 10;
  let offset = 0;
  while (offset < bytes.length) {
    const written = writeBytes(bytes, offset);
    if (written < 0) return; // the checker is gone: nothing to tell
    offset += written;
  }
}

const tick = () => new RealPromise((resolve) => realSetTimeout(resolve, 0));
const tools = freeze({
  gc() {
    if (!collect) throw new RealError('the checks need node --expose-gc');
    collect();
  },
  // Ends the current job (so KeepDuringJob lets go), collects, and gives the cleanup
  // callbacks of FinalizationRegistry a few turns to run.
  async settle(rounds = 5) {
    for (let i = 0; i < rounds; i++) {
      await tick();
      tools.gc();
    }
    await tick();
  },
});

// The learner's file, required afresh: a syntax error fails the check that loads it.
function load() {
  const key = requireResolve(learnerFile);
  delete requireCache[key];
  return require(key);
}

// "TypeError: x is not a function (your-file.js line 12)": one line, with the place in the
// learner's file when the error came from there.
function describe(e) {
  let text;
  if (e && typeof e === 'object' && 'message' in e) {
    const name = e.name && e.name !== 'Error' && e.name !== 'AssertionError' ? e.name + ': ' : '';
    text = name + StringOf(e.message).split('\n')[0];
  } else {
    text = 'a non-error value was thrown: ' + (typeof e === 'string' ? stringify(e) : StringOf(e));
  }
  let stack = '';
  try {
    stack = e && typeof e === 'object' && typeof e.stack === 'string' ? e.stack : '';
  } catch (_) {}
  for (const file of [learnerReal, learnerFile]) {
    const at = stack.indexOf(file + ':');
    if (at < 0) continue;
    const line = /^:(\d+)/.exec(stack.slice(at + file.length));
    if (line) text += ' (' + path.basename(learnerFile) + ' line ' + line[1] + ')';
    break;
  }
  return text;
}
// describe() runs after the learner's code and uses string methods it may have replaced: a
// failure keeps being a failure whatever describe() does.
function safeDescribe(e) {
  try {
    const text = describe(e);
    if (typeof text === 'string' && text) return apply(sliceText, text, [0, ${MAX_MESSAGE_CHARS}]);
  } catch (_) {}
  return 'an error that could not be described';
}

// process.exit() in the learner's code would end the run with no results: make it an error
// of the check that caused it instead.
process.exit = function (code) {
  throw new RealError('the code called process.exit(' + (code === undefined ? '' : code) + '), which would end the checks');
};
// Errors thrown outside a check's promise chain are blamed on the check that is running.
let inCheck = false;
let strayError;
function stray(kind, e) {
  if (!inCheck) writeStderr(kind + ' outside any check: ' + safeDescribe(e) + '\n');
  else if (strayError === undefined) strayError = kind + ': ' + safeDescribe(e);
}
process.on('uncaughtException', (e) => stray('uncaught error', e));
process.on('unhandledRejection', (e) => stray('unhandled promise rejection', e));

// Attaches handlers with the original Promise.prototype.then, called directly: a replaced
// then, or a promise that is not a real one, cannot report a success that did not happen.
function onSettled(promise, ok, fail) {
  try {
    apply(promiseThen, promise, [ok, fail]);
  } catch (e) {
    fail(e);
  }
}

// Settles when run() does or when ms have passed, using only captured built-ins (no
// Promise.race, whose then and resolve the learner's code could replace). run() returns a
// promise (checks are async functions) or nothing.
function withTimeout(run, ms) {
  return new RealPromise((resolve, reject) => {
    const timer = realSetTimeout(() => reject(new RealError('this check did not finish within ' + ms / 1000 + ' s; does the code wait for something that never happens?')), ms);
    const ok = () => (realClearTimeout(timer), resolve());
    const fail = (e) => (realClearTimeout(timer), reject(e));
    try {
      const result = run();
      if (result !== null && (typeof result === 'object' || typeof result === 'function')) onSettled(result, ok, fail);
      else ok();
    } catch (e) {
      fail(e);
    }
  });
}

// Waits to be killed: the checker then ends whatever the learner's code started, while this
// process is still their parent. Exits by itself if no one does.
// The learner's output still queued in this process is flushed first, so the report shows its end.
function end(message) {
  let sent = false;
  const finish = () => {
    if (sent) return;
    sent = true;
    send(message);
    realSetTimeout(() => realExit(0), 5000);
  };
  realSetTimeout(finish, 1000); // a hooked stream may never call back
  try {
    writeStdout('', () => writeStderr('', finish));
  } catch (_) {
    finish();
  }
}

function main() {
  let checks;
  try {
    const exported = require(checksFile);
    if (!Array.isArray(exported)) throw new RealError('checks.js must export an array of checks');
    // A copy, taken before the learner's file loads: it cannot swap a check's run function.
    checks = exported.map((c, i) => ({
      id: c && c.id !== undefined ? StringOf(c.id).slice(0, 200) : 'check-' + (i + 1),
      requirement: c && c.requirement !== undefined ? StringOf(c.requirement).slice(0, ${MAX_MESSAGE_CHARS}) : '',
      run: c && typeof c.run === 'function' ? c.run.bind(c) : undefined,
    }));
  } catch (e) {
    end({ t: 'fatal', error: 'The checks could not be loaded: ' + safeDescribe(e) });
    return;
  }
  const count = checks.length;
  send({ t: 'checks', checks: checks.map((c) => ({ id: c.id, requirement: c.requirement })) });
  const perCheckMs = Math.min(${MAX_CHECK_MS}, Math.max(250, Math.floor((budgetMs * 0.8) / Math.max(1, count))));

  // One check after the other, driven by callbacks rather than await (an await looks up
  // then and constructor on the promise, which the learner's code can replace).
  function runCheck(i) {
    if (i >= count) return end({ t: 'done' });
    const run = checks[i].run;
    send({ t: 'start', i });
    inCheck = true;
    strayError = undefined;
    let reported = false;
    const after = (failed, message) => {
      if (reported) return;
      reported = true;
      // Errors thrown in callbacks and timers that the check started show up a turn later.
      realSetTimeout(() => {
        if (!failed && strayError !== undefined) {
          failed = true;
          message = strayError;
        }
        inCheck = false;
        send(failed ? { t: 'result', i, passed: false, message: typeof message === 'string' ? message : 'failed' } : { t: 'result', i, passed: true });
        runCheck(i + 1);
      }, 0);
    };
    if (!run) return after(true, 'this check has no run() function');
    onSettled(withTimeout(() => run(load, tools), perCheckMs), () => after(false), (e) => after(true, safeDescribe(e)));
  }
  runCheck(0);
}

try {
  main();
} catch (e) {
  end({ t: 'fatal', error: 'The checks stopped: ' + safeDescribe(e) });
}
`;
