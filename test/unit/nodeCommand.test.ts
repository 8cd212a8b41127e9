import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  buildNodeInvocation,
  InvalidSettingError,
  isSupportedNode,
  parseNodeVersion,
} from '../../src/runner/nodeCommand';
import { probeNode } from '../../src/runner/nodeProbe';
import { argvOf } from '../../src/process/run';

const made: string[] = [];
after(() => made.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const HOSTILE_NAMES = [
  'with space.js',
  "it's quoted.js",
  'double "quoted".js',
  '$(touch pwned).js',
  '`backtick` ; rm -rf x.js',
  'ünïcødé 例え.js',
  '-starts-with-dash.js',
  'semi;colon & amp | pipe.js',
];

describe('runner: node invocation', () => {
  it('runs node with --expose-gc, the extra options, then the file, as separate arguments', () => {
    const inv = buildNodeInvocation('/opt/node/bin/node', ['--trace-gc', '--max-old-space-size=64'], '/a b/c.js');
    assert.deepEqual(inv, {
      command: '/opt/node/bin/node',
      args: ['--expose-gc', '--trace-gc', '--max-old-space-size=64'],
      file: '/a b/c.js',
    });
    assert.deepEqual(argvOf(inv), ['--expose-gc', '--trace-gc', '--max-old-space-size=64', '/a b/c.js']);
  });

  it('defaults to "node" and does not pass --expose-gc twice', () => {
    assert.deepEqual(buildNodeInvocation('  ', ['--expose-gc'], '/x.js'), {
      command: 'node',
      args: ['--expose-gc'],
      file: '/x.js',
    });
    assert.deepEqual(buildNodeInvocation(undefined, undefined, '/x.js').command, 'node');
  });

  it('rejects extra arguments that are not node options', () => {
    assert.throws(() => buildNodeInvocation('node', ['other.js'], '/x.js'), InvalidSettingError);
    assert.throws(() => buildNodeInvocation('node', '--trace-gc', '/x.js'), /must be a list of strings/);
    assert.throws(() => buildNodeInvocation('node', [1], '/x.js'), /must be a list of strings/);
  });

  it('never lets a file name be read as an option', () => {
    assert.equal(buildNodeInvocation('node', [], '-e.js').file, './-e.js');
  });

  for (const name of HOSTILE_NAMES) {
    it(`runs a file named ${JSON.stringify(name)} exactly, with no shell`, () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dir with 'quotes' $(x) "));
      made.push(dir);
      const file = path.join(dir, name);
      fs.writeFileSync(file, 'console.log(typeof gc, require("path").basename(__filename))');
      const inv = buildNodeInvocation(process.execPath, [], file);
      const r = spawnSync(inv.command, argvOf(inv), { cwd: dir, encoding: 'utf8', shell: false });
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stdout.trim(), `function ${name}`);
      assert.equal(fs.existsSync(path.join(dir, 'pwned')), false);
    });
  }
});

describe('runner: node version', () => {
  it('parses versions and knows WeakRef arrived in 14.6', () => {
    assert.deepEqual(parseNodeVersion('v20.20.2\n'), { major: 20, minor: 20, patch: 2 });
    assert.equal(parseNodeVersion('not node'), undefined);
    assert.equal(isSupportedNode({ major: 14, minor: 6, patch: 0 }), true);
    assert.equal(isSupportedNode({ major: 14, minor: 5, patch: 9 }), false);
    assert.equal(isSupportedNode({ major: 12, minor: 22, patch: 0 }), false);
    assert.equal(isSupportedNode({ major: 24, minor: 0, patch: 0 }), true);
  });

  it('accepts the node running these tests', async () => {
    const probe = await probeNode(process.execPath);
    assert.equal(probe.ok, true);
  });

  it('says clearly when node is missing', async () => {
    const probe = await probeNode(path.join(os.tmpdir(), 'no such dir', 'node'));
    assert.equal(probe.ok, false);
    assert.equal(!probe.ok && probe.reason, 'missing');
    assert.match(!probe.ok ? probe.message : '', /Node\.js was not found at ".*no such dir.*node"/);
  });

  it('says clearly when node is too old', async function () {
    if (process.platform === 'win32') this.skip();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'old node '));
    made.push(dir);
    const fake = path.join(dir, 'node');
    fs.writeFileSync(fake, '#!/bin/sh\necho v12.22.12\n', { mode: 0o755 });
    const probe = await probeNode(fake);
    assert.equal(!probe.ok && probe.reason, 'too-old');
    assert.match(
      !probe.ok ? probe.message : '',
      /Node\.js 12\.22\.12 .* has no WeakRef: the examples need 14\.6\.0 or later/,
    );
  });

  it('says clearly when the program is not node', async function () {
    if (process.platform === 'win32') this.skip();
    const probe = await probeNode('/bin/true');
    assert.equal(!probe.ok && probe.reason, 'broken');
  });
});
