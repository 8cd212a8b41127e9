// The ecosystem check's verdict on a run (scripts/ecosystem/): findings are named the same on
// every machine, and a finding that is new, gone or lacks a verdict or a reason fails the check.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';

const SCRIPTS = path.resolve(__dirname, '..', '..', '..', 'scripts', 'ecosystem');

interface Entry {
  finding: string;
  verdict: string;
  why: string;
}
interface Diff {
  added: string[];
  gone: string[];
  untriaged: string[];
}
/* eslint-disable @typescript-eslint/no-require-imports -- the check's modules are ES modules, loaded as Node 20.19+ allows */
const { compare } = require(path.join(SCRIPTS, 'triage.mjs')) as {
  compare: (t: { entries: Entry[] }, keys: string[]) => Diff;
};
const { findingKey } = require(path.join(SCRIPTS, 'sources.mjs')) as {
  findingKey: (
    list: { id: string; root: string }[],
    f: { file: string; line: number; column: number; rule: string },
  ) => string;
};
/* eslint-enable @typescript-eslint/no-require-imports */

describe('ecosystem check: triage', () => {
  const entry = (finding: string, verdict = 'deliberate', why = 'a test that means it'): Entry => ({
    finding,
    verdict,
    why,
  });

  it('passes when every finding is triaged and every triaged finding is found', () => {
    assert.deepEqual(compare({ entries: [entry('a'), entry('b', 'real-bug')] }, ['a', 'b']), {
      added: [],
      gone: [],
      untriaged: [],
    });
  });

  it('names new, gone and untriaged findings', () => {
    const triage = {
      entries: [entry('kept'), entry('gone'), entry('no-verdict', 'untriaged'), entry('no-why', 'real-bug', ' ')],
    };
    assert.deepEqual(compare(triage, ['kept', 'new', 'no-verdict', 'no-why']), {
      added: ['new'],
      gone: ['gone'],
      untriaged: ['no-verdict', 'no-why'],
    });
  });

  it('names a finding by its source and its path inside it, not by where the corpus sits', () => {
    const list = [
      { id: 'npm:@wry/caches', root: '/cache/npm/@wry+caches@1.0.1' },
      { id: 'npm:@wry/caches-extra', root: '/cache/npm/@wry+caches@1.0.1-extra' },
    ];
    const f = { file: '/cache/npm/@wry+caches@1.0.1/src/tests/weak.ts', line: 130, column: 11, rule: 'unsafe-deref' };
    assert.equal(findingKey(list, f), 'npm:@wry/caches/src/tests/weak.ts:130:11 unsafe-deref');
    assert.equal(
      findingKey(list, { ...f, file: '/cache/npm/@wry+caches@1.0.1-extra/index.js' }),
      'npm:@wry/caches-extra/index.js:130:11 unsafe-deref',
    );
  });
});
