// A suggestion must leave code that runs: every Python table's expected output (the code after
// its first finding's first suggestion) must compile under CPython, as the engine's own tables
// cannot see a wrong indentation or a stray token.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { PYTHON_TABLES } from '../../rules/tables';
import { python3Available } from './cpython';

const COMPILE_ALL = String.raw`
import json, sys
out = []
for src in json.load(sys.stdin):
    try:
        compile(src, "<suggestion>", "exec")
        out.append(None)
    except SyntaxError as e:
        out.append(f"{type(e).__name__}: {e}")
json.dump(out, sys.stdout)
`;

describe('Python suggestion outputs compile under CPython', function () {
  before(function () {
    if (!python3Available()) this.skip(); // documented in docs/PYTHON-PARSER.md: CI installs python3
  });

  for (const [rule, cases] of Object.entries(PYTHON_TABLES)) {
    const outputs = cases.invalid.map((c) => c.output).filter((o): o is string => typeof o === 'string');
    if (outputs.length === 0) continue;
    it(`${rule} (${outputs.length})`, () => {
      const r = spawnSync('python3', ['-c', COMPILE_ALL], { input: JSON.stringify(outputs), encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      const errors = (JSON.parse(r.stdout) as (string | null)[])
        .map((e, i) => (e ? `${e}\n${outputs[i]}` : null))
        .filter((e) => e !== null);
      assert.deepEqual(errors, []);
    });
  }
});
