// The script the checker runs in a child process under --expose-gc. It is kept as text so it
// works from the bundle, written to a temporary file for each check run.
// argv: <checks.js> <learner file> <marker>. Prints the marker, then the results as JSON.
export const HARNESS_SOURCE = String.raw`'use strict';
const path = require('path');
const [checksFile, learnerFile, marker] = process.argv.slice(2);
const PER_CHECK_MS = Number(process.env.WEAKREF_CHECK_TIMEOUT_MS) || 10000;
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const tools = {
  gc() { if (typeof gc !== 'function') throw new Error('the checks need node --expose-gc'); gc(); },
  async settle(rounds = 5) {
    for (let i = 0; i < rounds; i++) { await tick(); tools.gc(); }
    await tick();
  },
};
function load() {
  const resolved = require.resolve(path.resolve(learnerFile));
  delete require.cache[resolved];
  return require(resolved);
}
function describe(e) {
  if (e && typeof e === 'object' && 'message' in e) return (e.name && e.name !== 'Error' && e.name !== 'AssertionError' ? e.name + ': ' : '') + String(e.message).split('\n')[0];
  return String(e);
}
function withTimeout(promise, ms) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error('this check did not finish within ' + ms / 1000 + ' s')), ms); }),
  ]).finally(() => clearTimeout(timer));
}
async function main() {
  const results = [];
  let checks;
  try {
    checks = require(path.resolve(checksFile));
    if (!Array.isArray(checks)) throw new Error('checks.js must export an array');
  } catch (e) {
    process.stdout.write('\n' + marker + JSON.stringify({ results, error: 'The checks could not be loaded: ' + describe(e) }) + '\n');
    return;
  }
  for (const check of checks) {
    const result = { id: String(check.id), requirement: String(check.requirement), passed: false };
    try {
      await withTimeout(Promise.resolve().then(() => check.run(load, tools)), PER_CHECK_MS);
      result.passed = true;
    } catch (e) {
      result.message = describe(e);
    }
    results.push(result);
  }
  process.stdout.write('\n' + marker + JSON.stringify({ results }) + '\n');
}
process.on('uncaughtException', (e) => { process.stderr.write('uncaught: ' + describe(e) + '\n'); });
process.on('unhandledRejection', (e) => { process.stderr.write('unhandled rejection: ' + describe(e) + '\n'); });
main().then(() => process.exit(0));
`;
