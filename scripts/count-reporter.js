// Mocha's spec reporter, plus a machine-readable count of the run for scripts/test-all.mjs.
// When WEAKREF_COUNTS_FILE is set, the totals are written there as JSON at the end.
'use strict';
const fs = require('fs');
const Mocha = require('mocha');

class CountReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    const counts = { passed: 0, failed: 0, pending: 0 };
    runner.on('pass', () => counts.passed++);
    runner.on('fail', () => counts.failed++);
    runner.on('pending', () => counts.pending++);
    runner.once('end', () => {
      const file = process.env.WEAKREF_COUNTS_FILE;
      if (file) fs.writeFileSync(file, JSON.stringify(counts));
    });
  }
}
module.exports = CountReporter;
