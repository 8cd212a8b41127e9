// The script the checker runs in a child process: `node --expose-gc <harness> <checks.js> <learner file>`.
// It is kept as text so that it works from the esbuild bundle; the checker writes it to a
// temporary file for each run. Plain CommonJS for Node 14.6+, no dependencies.
//
// Protocol: the harness reports on stdout, each message on a line of its own that starts with
// "\n" + marker + " " and ends with "\n". The marker is random per run and reaches the harness in
// the environment, which the harness clears before any other code runs, so nothing the learner's
// code prints can pass for a result. Everything else on stdout and stderr is the learner's output.
//
// Messages, in order:
//   { "t": "checks", "checks": [{ "id", "requirement" }] }   the checks file loaded
//   { "t": "start", "i": n }                                  check n is running
//   { "t": "result", "i": n, "passed": bool, "message"? }     check n is done
//   { "t": "done" }                                           every check ran
//   { "t": "fatal", "error": "..." }                          the checks file could not be used
// Streaming them one by one lets the checker say which check was running when it had to stop
// the process (an endless loop), and keep the results of the checks before it.

/** Environment variables the checker passes to the harness. */
export const HARNESS_ENV = {
  marker: 'WEAKREF_CHECK_MARKER',
  budgetMs: 'WEAKREF_CHECK_BUDGET_MS',
} as const;

/** No check may take longer than this, whatever the overall budget. */
export const MAX_CHECK_MS = 10_000;

export const HARNESS_SOURCE = String.raw`'use strict';
const path = require('path');

const marker = process.env.${HARNESS_ENV.marker} || '@@weakref-check@@';
const budgetMs = Number(process.env.${HARNESS_ENV.budgetMs}) || 30000;
delete process.env.${HARNESS_ENV.marker};
delete process.env.${HARNESS_ENV.budgetMs};
const checksFile = path.resolve(process.argv[2] || '');
const learnerFile = path.resolve(process.argv[3] || '');
let learnerReal = learnerFile; // stacks name the file by its real path
try {
  learnerReal = require('fs').realpathSync(learnerFile);
} catch (_) {}

// Kept before the learner's code can replace them.
const realExit = process.exit.bind(process);
const realWrite = process.stdout.write.bind(process.stdout);
const realSetTimeout = setTimeout;
const realClearTimeout = clearTimeout;
const collect = typeof gc === 'function' ? gc : undefined;

function send(message, then) {
  realWrite('\n' + marker + ' ' + JSON.stringify(message) + '\n', then);
}

const tick = () => new Promise((resolve) => realSetTimeout(resolve, 0));
const tools = Object.freeze({
  gc() {
    if (!collect) throw new Error('the checks need node --expose-gc');
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
  const key = require.resolve(learnerFile);
  delete require.cache[key];
  return require(key);
}

// "TypeError: x is not a function (your-file.js line 12)": one line, with the place in the
// learner's file when the error came from there.
function describe(e) {
  let text;
  if (e && typeof e === 'object' && 'message' in e) {
    const name = e.name && e.name !== 'Error' && e.name !== 'AssertionError' ? e.name + ': ' : '';
    text = name + String(e.message).split('\n')[0];
  } else {
    try {
      text = 'a non-error value was thrown: ' + (typeof e === 'string' ? JSON.stringify(e) : String(e));
    } catch (_) {
      text = 'a value was thrown';
    }
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

// process.exit() in the learner's code would end the run with no results: make it an error
// of the check that caused it instead.
process.exit = function (code) {
  throw new Error('the code called process.exit(' + (code === undefined ? '' : code) + '), which would end the checks');
};
let current; // the check that is running: errors thrown outside its promise chain are blamed on it
function stray(kind, e) {
  if (current) current.errors.push(kind + ': ' + describe(e));
  else process.stderr.write(kind + ' outside any check: ' + describe(e) + '\n');
}
process.on('uncaughtException', (e) => stray('uncaught error', e));
process.on('unhandledRejection', (e) => stray('unhandled promise rejection', e));

function withTimeout(promise, ms) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = realSetTimeout(() => reject(new Error('this check did not finish within ' + ms / 1000 + ' s; does the code wait for something that never happens?')), ms);
    }),
  ]).finally(() => realClearTimeout(timer));
}

function end(message) {
  send(message, () => realExit(0));
  realSetTimeout(() => realExit(0), 2000).unref();
}

async function main() {
  let checks;
  try {
    checks = require(checksFile);
    if (!Array.isArray(checks)) throw new Error('checks.js must export an array of checks');
  } catch (e) {
    end({ t: 'fatal', error: 'The checks could not be loaded: ' + describe(e) });
    return;
  }
  const field = (c, key, fallback) => (c && c[key] !== undefined ? String(c[key]) : fallback);
  send({ t: 'checks', checks: checks.map((c, i) => ({ id: field(c, 'id', 'check-' + (i + 1)), requirement: field(c, 'requirement', '') })) });
  const perCheckMs = Math.min(${MAX_CHECK_MS}, Math.max(250, Math.floor((budgetMs * 0.8) / Math.max(1, checks.length))));
  for (let i = 0; i < checks.length; i++) {
    const check = checks[i];
    send({ t: 'start', i });
    current = { errors: [] };
    let message;
    try {
      if (!check || typeof check.run !== 'function') throw new Error('this check has no run() function');
      await withTimeout(Promise.resolve().then(() => check.run(load, tools)), perCheckMs);
    } catch (e) {
      message = describe(e);
    }
    // Errors thrown in callbacks and timers that the check started show up a turn later.
    await tick();
    if (message === undefined && current.errors.length) message = current.errors[0];
    current = undefined;
    send(message === undefined ? { t: 'result', i, passed: true } : { t: 'result', i, passed: false, message });
  }
  end({ t: 'done' });
}

main().catch((e) => end({ t: 'fatal', error: 'The checks stopped: ' + describe(e) }));
`;
