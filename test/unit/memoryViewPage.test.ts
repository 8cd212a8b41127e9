// The memory view's page and its message check, without VS Code: what a report turns into, that
// everything from the program is escaped, and that the page can only ask to open a recorded line.
import * as assert from 'node:assert/strict';
import { renderMemoryPage, renderReport } from '../../src/features/memoryView/page';
import { validateMemoryMessage } from '../../src/features/memoryView/messages';
import { formatReport, type MemoryReport } from '../../src/memory/report';
import { parseMemoryArgs } from '../../src/memory/cli';

const report: MemoryReport = {
  file: '/tmp/observer.js',
  runtime: 'node v20.20.2',
  exitCode: 0,
  checkpoints: [
    {
      label: 'gc() #1',
      line: 14,
      targets: [
        {
          id: 1,
          kind: 'WeakRef target',
          type: 'Listener<script>',
          created: { file: '/tmp/observer.js', line: 10 },
          alive: true,
          retainedBy: [
            { label: 'subject', kind: 'variable' },
            { label: 'listeners', kind: 'property' },
            { label: 'Set entry', kind: 'element' },
          ],
        },
        { id: 2, kind: 'WeakMap key', type: 'Object', created: { file: '/tmp/observer.js', line: 11 }, alive: false },
      ],
    },
    { label: 'end', line: null, targets: [] },
  ],
};

const resources = { cspSource: 'vscode-webview:', styleUri: 'style.css', scriptUri: 'script.js', nonce: 'abc123' };

describe('memory view page', () => {
  it('has the lesson page CSP: scripts by nonce only, no inline style', () => {
    const html = renderMemoryPage({ report }, resources);
    assert.match(html, /default-src 'none'; style-src vscode-webview:; script-src 'nonce-abc123'/);
    assert.match(html, /<script nonce="abc123" src="script.js">/);
    assert.doesNotMatch(html, /style="/);
  });

  it('shows the chain from the root to the target, and escapes what the program named', () => {
    const html = renderReport(report);
    assert.match(
      html,
      /<li><span class="label">subject<\/span> <span class="kind">variable<\/span><\/li><li><span class="label">listeners<\/span>/,
    );
    assert.ok(html.includes('Listener&lt;script&gt;'));
    assert.ok(!html.includes('Listener<script>'));
  });

  it('gives the timeline a table with the same counts (its text alternative)', () => {
    const html = renderReport(report);
    assert.match(html, /<svg role="img" aria-label="[^"]+"/);
    assert.match(html, /<td>gc\(\) #1<\/td><td>line 14<\/td><td>WeakRef target<\/td><td>1<\/td><td>0<\/td>/);
    assert.match(html, /<td>WeakMap key<\/td><td>0<\/td><td>1<\/td>/);
  });

  it('lets a line button name only a recorded target; the file comes from the report', () => {
    assert.deepEqual(validateMemoryMessage({ type: 'open', checkpoint: 0, target: 1 }, report), {
      ok: true,
      message: { type: 'open', file: '/tmp/observer.js', line: 10 },
    });
    assert.equal(validateMemoryMessage({ type: 'open', checkpoint: 0, target: 9 }, report).ok, false);
    assert.equal(validateMemoryMessage({ type: 'open', checkpoint: '0', target: 'x' }, report).ok, false);
    assert.equal(validateMemoryMessage({ type: 'open', file: '/etc/passwd', line: 1 }, report).ok, false);
    assert.equal(validateMemoryMessage({ type: 'run' }, report).ok, false);
    assert.equal(validateMemoryMessage({ type: 'open', checkpoint: 0, target: 1 }, undefined).ok, false);
  });

  it('prints the same report as text for the CLI', () => {
    const text = formatReport(report);
    assert.match(
      text,
      /#1 Listener<script>, WeakRef target \(line 10\): alive\n {6}held by subject \(variable\) → listeners \(property\) → Set entry \(element\)/,
    );
    assert.match(text, /#2 Object, WeakMap key \(line 11\): collected/);
  });

  it('reads the command line: --json, a file, and the program arguments after --', () => {
    assert.deepEqual(parseMemoryArgs(['--json', 'a.js', '--', '--x', 'y']), {
      json: true,
      file: 'a.js',
      args: ['--x', 'y'],
    });
    assert.deepEqual(parseMemoryArgs(['a.js', 'b.js']), {
      error: 'one file at a time (got a.js and b.js); arguments for the program go after --',
    });
    assert.deepEqual(parseMemoryArgs(['--timeout', '0', 'a.js']), { error: '--timeout needs a positive number' });
    assert.equal(parseMemoryArgs(['--help']), 'help');
  });
});
