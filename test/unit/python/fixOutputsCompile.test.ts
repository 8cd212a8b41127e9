// Every Python suggestion the rule tables pin must leave a file CPython still compiles: the tables
// compare text, and a rewrite that is one indent off would match a wrong expectation just as well.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { PYTHON_TABLES } from '../../rules/tables';

const COMPILE_ALL = String.raw`
import json, sys
bad = []
for src in json.load(sys.stdin):
    try:
        compile(src, "<fix>", "exec")
    except SyntaxError as e:
        bad.append(src + "\n--> " + str(e))
json.dump(bad, sys.stdout)
`;

describe('Python suggestion outputs compile', () => {
  const outputs = Object.values(PYTHON_TABLES).flatMap((t) =>
    t.invalid.flatMap((c) => (typeof c.output === 'string' ? [c.output] : [])),
  );

  it(`CPython compiles each pinned output (${outputs.length})`, function () {
    this.timeout(30_000);
    assert.ok(outputs.length > 0, 'the tables pin some outputs');
    const r = spawnSync('python3', ['-c', COMPILE_ALL], { input: JSON.stringify(outputs), encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), []);
  });
});
