import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { argvOf } from '../../src/process/run';
import {
  buildPythonInvocation,
  isSupportedPython,
  parsePythonVersion,
  runtimeOf,
} from '../../src/runner/pythonCommand';
import { probePython } from '../../src/runner/pythonProbe';

const made: string[] = [];
after(() => made.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** The python3 the lesson tests use; these tests need it as much as they do. */
const PYTHON = process.env.WEAKREF_PYTHON || 'python3';

function fakeInterpreter(versionLine: string, toStderr = false): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fake python '));
  made.push(dir);
  const fake = path.join(dir, 'python3');
  fs.writeFileSync(fake, `#!/bin/sh\necho "${versionLine}"${toStderr ? ' >&2' : ''}\n`, { mode: 0o755 });
  return fake;
}

describe('runner: python invocation', () => {
  it('runs python3 -u <file> as separate arguments, from the setting or by default', () => {
    assert.deepEqual(buildPythonInvocation('/opt/py/bin/python3.12', '/a b/c.py'), {
      command: '/opt/py/bin/python3.12',
      args: ['-u'],
      file: '/a b/c.py',
    });
    assert.deepEqual(buildPythonInvocation('  ', '/x.py'), { command: 'python3', args: ['-u'], file: '/x.py' });
    assert.equal(buildPythonInvocation(42, '/x.py').command, 'python3');
    assert.equal(buildPythonInvocation('python3', '-c.py').file, './-c.py');
  });

  it('picks the interpreter from the extension', () => {
    assert.equal(runtimeOf('/l/examples/first_ref.py'), 'python');
    assert.equal(runtimeOf('/l/examples/first-weakref.js'), 'node');
    assert.equal(runtimeOf('/l/examples/x.mjs'), 'node');
  });

  it('runs a file with a hostile name exactly, with no shell', function () {
    if (process.platform === 'win32') this.skip();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "py dir 'q' $(x) "));
    made.push(dir);
    const name = '$(touch pwned) ; `x` ünï.py';
    const file = path.join(dir, name);
    fs.writeFileSync(file, 'import os, sys\nprint(os.path.basename(sys.argv[0]))\n');
    const inv = buildPythonInvocation(PYTHON, file);
    const r = spawnSync(inv.command, argvOf(inv), {
      cwd: dir,
      encoding: 'utf8',
      shell: false,
      env: { ...process.env, PYTHONIOENCODING: 'utf-8' },
    });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout.trim(), name);
    assert.equal(fs.existsSync(path.join(dir, 'pwned')), false);
  });
});

describe('runner: python version', () => {
  it('parses versions and needs 3.8 or later', () => {
    assert.deepEqual(parsePythonVersion('Python 3.11.7\n'), { major: 3, minor: 11, patch: 7 });
    assert.deepEqual(parsePythonVersion('Python 3.13.0rc1'), { major: 3, minor: 13, patch: 0 });
    assert.equal(parsePythonVersion('v20.1.0'), undefined);
    assert.equal(isSupportedPython({ major: 3, minor: 8, patch: 0 }), true);
    assert.equal(isSupportedPython({ major: 3, minor: 7, patch: 17 }), false);
    assert.equal(isSupportedPython({ major: 2, minor: 7, patch: 18 }), false);
    assert.equal(isSupportedPython({ major: 4, minor: 0, patch: 0 }), true);
  });

  it('accepts the python3 the lesson tests use', async () => {
    const probe = await probePython(PYTHON);
    assert.equal(probe.ok, true, !probe.ok ? probe.message : '');
  });

  it('says clearly when python is missing, naming the setting and apt-get install python3', async () => {
    const probe = await probePython(path.join(os.tmpdir(), 'no such dir', 'python3'));
    assert.equal(!probe.ok && probe.reason, 'missing');
    assert.match(
      !probe.ok ? probe.message : '',
      /Python was not found at ".*no such dir.*python3"\. Install Python 3\.8 or later \(on Debian or Ubuntu: apt-get install python3\), or set "weakrefLessons\.pythonPath"/,
    );
  });

  it('says clearly when python is too old, also when the version is on stderr (Python 2)', async function () {
    if (process.platform === 'win32') this.skip();
    for (const [line, stderr] of [
      ['Python 3.7.17', false],
      ['Python 2.7.18', true],
    ] as const) {
      const probe = await probePython(fakeInterpreter(line, stderr));
      assert.equal(!probe.ok && probe.reason, 'too-old', line);
      assert.match(!probe.ok ? probe.message : '', /is too old: the Python examples need 3\.8 or later/);
    }
  });

  it('says clearly when the program is not python', async function () {
    if (process.platform === 'win32') this.skip();
    assert.equal((await probePython(fakeInterpreter('v20.1.0'))).ok, false);
    const probe = await probePython('/bin/false');
    assert.equal(!probe.ok && probe.reason, 'broken');
  });
});
