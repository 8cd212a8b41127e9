// Which files are the extension's own (they run without the Restricted Mode question), and the
// learner's copies of examples: only what is opened is copied, and a changed original is noticed.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isInsideAny } from '../../src/runner/paths';
import { ExampleCopies, localImports } from '../../src/runner/exampleCopies';

describe('own files: real paths, not prefixes', () => {
  let root: string;
  let lessons: string;
  let workspace: string;
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'weakref-paths-'));
    lessons = path.join(root, 'extension', 'lessons');
    workspace = path.join(root, 'workspace');
    fs.mkdirSync(path.join(lessons, '01-intro'), { recursive: true });
    fs.mkdirSync(workspace);
    fs.writeFileSync(path.join(lessons, '01-intro', 'a.js'), '');
    fs.writeFileSync(path.join(workspace, 'probe.js'), '');
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('accepts a file inside a root', () => {
    assert.equal(isInsideAny(path.join(lessons, '01-intro', 'a.js'), [lessons]), true);
  });

  it('rejects a path that starts with the root and climbs out with ".."', () => {
    const crafted = `${lessons}${path.sep}..${path.sep}..${path.sep}workspace${path.sep}probe.js`;
    assert.ok(crafted.startsWith(lessons + path.sep), 'the attack path passes the old prefix test');
    assert.equal(isInsideAny(crafted, [lessons]), false);
  });

  it('rejects a symbolic link inside a root that points out of it', function () {
    const link = path.join(lessons, '01-intro', 'link.js');
    try {
      fs.symlinkSync(path.join(workspace, 'probe.js'), link);
    } catch {
      this.skip(); // no symlinks here (Windows without the right)
    }
    assert.equal(isInsideAny(link, [lessons]), false);
  });

  it("rejects a sibling folder whose name starts with the root's, the root itself and missing files", () => {
    const twin = `${lessons}-evil`;
    fs.mkdirSync(twin);
    fs.writeFileSync(path.join(twin, 'x.js'), '');
    assert.equal(isInsideAny(path.join(twin, 'x.js'), [lessons]), false);
    assert.equal(isInsideAny(lessons, [lessons]), false);
    assert.equal(isInsideAny(path.join(lessons, 'nope.js'), [lessons]), false);
  });
});

describe('example copies', () => {
  let root: string;
  let lessonDir: string;
  let copies: ExampleCopies;
  const file = (name: string) => path.join(lessonDir, name);
  const copyOf = (name: string) => copies.copyPath('08-proxy', file(name));

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'weakref-copies-'));
    lessonDir = path.join(root, 'lessons', '08-proxy', 'examples');
    fs.mkdirSync(lessonDir, { recursive: true });
    fs.writeFileSync(file('a.js'), "console.log('a');\n");
    fs.writeFileSync(file('b.js'), "console.log('b v1');\n");
    fs.writeFileSync(file('uses-helper.js'), "const { h } = require('./helper');\nconsole.log(h);\n");
    fs.writeFileSync(file('helper.js'), 'exports.h = 1;\n');
    copies = new ExampleCopies(path.join(root, 'storage', 'examples'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('finds the files of its own folder that a file requires or imports', () => {
    assert.deepEqual(
      localImports("require('./weak-proxy'); require('../x'); require('fs'); import y from \"./y.mjs\"; import('./z')"),
      ['weak-proxy', 'y.mjs', 'z'],
    );
  });

  it('copies only the example that is opened', async () => {
    const copy = await copies.create('08-proxy', file('a.js'));
    assert.equal(copy, copyOf('a.js'));
    assert.equal(fs.readFileSync(copy, 'utf8'), "console.log('a');\n");
    assert.deepEqual(fs.readdirSync(path.dirname(copy)).sort(), ['a.js']);
  });

  it('copies the files beside an example that it requires, so the copy runs', async () => {
    await copies.create('08-proxy', file('uses-helper.js'));
    assert.deepEqual(fs.readdirSync(path.dirname(copyOf('uses-helper.js'))).sort(), ['helper.js', 'uses-helper.js']);
  });

  it('keeps the real lesson 08 working: dead-proxy.js gets weak-proxy.js beside it', async () => {
    const real = path.join(__dirname, '..', '..', '..', 'lessons', '08-proxy', 'examples', 'dead-proxy.js');
    const copy = await copies.create('08-proxy', real);
    assert.ok(fs.existsSync(path.join(path.dirname(copy), 'weak-proxy.js')));
    const { spawnSync } = await import('node:child_process');
    const run = (f: string) => spawnSync(process.execPath, ['--expose-gc', f], { encoding: 'utf8' });
    const [mine, theirs] = [run(copy), run(real)];
    assert.doesNotMatch(mine.stderr, /Cannot find module/);
    assert.equal(mine.stdout, theirs.stdout, 'the copy prints what the lesson prints');
    assert.equal(mine.status, theirs.status);
  });

  it('notices an original that changed since it was copied, and tells an edited copy from an unedited one', async () => {
    await copies.create('08-proxy', file('b.js'));
    assert.deepEqual(await flags('b.js'), { originalChanged: false, copyEdited: false });
    fs.writeFileSync(file('b.js'), "console.log('b v2');\n"); // an update of the extension
    assert.deepEqual(await flags('b.js'), { originalChanged: true, copyEdited: false });
    // An unedited copy simply follows the lesson: nothing of the learner's is lost.
    assert.deepEqual(await copies.update('08-proxy', file('b.js')), []);
    assert.equal(fs.readFileSync(copyOf('b.js'), 'utf8'), "console.log('b v2');\n");
  });

  it('never overwrites an edited copy unasked, and replaces it when asked', async () => {
    await copies.create('08-proxy', file('b.js'));
    fs.writeFileSync(copyOf('b.js'), "console.log('mine');\n");
    fs.writeFileSync(file('b.js'), "console.log('b v2');\n");
    const outdated = await copies.update('08-proxy', file('b.js'));
    assert.deepEqual(
      outdated.map((s) => path.basename(s.copy)),
      ['b.js'],
    );
    assert.equal(fs.readFileSync(copyOf('b.js'), 'utf8'), "console.log('mine');\n");
    await copies.create('08-proxy', file('b.js'));
    assert.equal(fs.readFileSync(copyOf('b.js'), 'utf8'), "console.log('mine');\n", 'opening again keeps it');
    await copies.refresh('08-proxy', file('b.js'));
    assert.equal(fs.readFileSync(copyOf('b.js'), 'utf8'), "console.log('b v2');\n");
    assert.deepEqual(await flags('b.js'), { originalChanged: false, copyEdited: false });
  });

  it("treats a copy made before records existed that differs from the original as the learner's", async () => {
    fs.mkdirSync(path.dirname(copyOf('b.js')), { recursive: true });
    fs.writeFileSync(copyOf('b.js'), "console.log('b v0');\n");
    assert.deepEqual(await flags('b.js'), { originalChanged: true, copyEdited: true });
    assert.equal((await copies.update('08-proxy', file('b.js'))).length, 1);
    assert.equal(fs.readFileSync(copyOf('b.js'), 'utf8'), "console.log('b v0');\n");
  });

  async function flags(name: string) {
    const s = await copies.state('08-proxy', file(name));
    return { originalChanged: s.originalChanged, copyEdited: s.copyEdited };
  }
});
