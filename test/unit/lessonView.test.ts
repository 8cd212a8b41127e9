// The lesson page is built from files, so everything in it is text: nothing a lesson says can
// become markup or script, and nothing the page sends is acted on unless it names a real example.
import * as assert from 'node:assert/strict';
import type { Lesson, LessonExample } from '../../src/lessons/types';
import { chartScale, niceStep, parseChartData, renderChart } from '../../src/features/lessonView/chart';
import { markerIds, renderMarkdown } from '../../src/features/lessonView/markdown';
import { validateMessage } from '../../src/features/lessonView/messages';
import { contentSecurityPolicy, createNonce, renderLessonNav, renderLessonPage } from '../../src/features/lessonView/page';
import { renderCheckResults } from '../../src/features/lessonView/results';

function example(id: string, extra: Partial<LessonExample> = {}): LessonExample {
  return { id, title: `Example ${id}`, language: 'javascript', file: `/l/examples/${id}.js`, relativeFile: `examples/${id}.js`, expectedOutput: 'alive\ngone', gcDependent: false, chart: false, ...extra };
}
function lesson(markdown: string, examples: LessonExample[], extra: Partial<Lesson> = {}): Lesson {
  return { kind: 'lesson', id: 'demo', title: 'A <demo> & "lesson"', order: 1, summary: 'sum', topics: ['intro'], dir: '/l', markdown, examples, ...extra };
}
const res = { cspSource: 'vscode-webview://x', styleUri: 'vscode-webview://x/a.css', scriptUri: 'vscode-webview://x/a.js', nonce: 'abc123' };
const code = () => ({ code: 'console.log("<b>hi</b>");' });

describe('lesson view', () => {
  it('has a strict CSP: nothing by default, scripts only with the nonce, no remote sources', () => {
    const csp = contentSecurityPolicy('vscode-webview://x', 'N0nce');
    assert.match(csp, /^default-src 'none'/);
    assert.match(csp, /script-src 'nonce-N0nce'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|https?:|\*/);
    const page = renderLessonPage(lesson('text', []), code, res);
    assert.ok(page.includes('<script nonce="abc123" src="vscode-webview://x/a.js"></script>'));
    assert.equal((page.match(/<script/g) ?? []).length, 1);
    assert.notEqual(createNonce(), createNonce());
  });

  it('renders markdown (headings, code, lists, tables) and keeps raw HTML in a lesson as text', () => {
    const html = renderMarkdown('## Title\n\n- one\n- two\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n```js\nconst a = 1 < 2;\n```\n\n<script>alert(1)</script>\n<img src=x onerror=alert(1)>', { renderExample: () => '' });
    assert.match(html, /<h2>Title<\/h2>/);
    assert.match(html, /<li>one<\/li>/);
    assert.match(html, /<table>/);
    assert.match(html, /const a = 1 &lt; 2;/);
    assert.doesNotMatch(html, /<script>|<img/);
    assert.match(html, /&lt;script&gt;/);
  });

  it('labels Python side notes as not run', () => {
    const html = renderMarkdown('```python\nimport weakref\n```', { renderExample: () => '' });
    assert.match(html, /Python \(not run\)/);
    assert.match(html, /class="language-python"/);
  });

  it('places each example at its marker with Run, Stop and Open buttons, but not a marker inside a code block', () => {
    const md = 'Intro\n<!-- example: first -->\n\n```md\n<!-- example: second -->\n```\n';
    assert.deepEqual(markerIds(md), ['first']);
    const page = renderLessonPage(lesson(md, [example('first'), example('second')]), code, res);
    assert.match(page, /data-action="run" data-lesson="demo" data-example="first"/);
    assert.match(page, /data-action="stop" data-lesson="demo" data-example="first"/);
    assert.match(page, /data-action="open" data-lesson="demo" data-example="first"/);
    assert.match(page, /More examples/); // "second" had no real marker, so it follows at the end
    assert.ok(page.includes('console.log(&quot;&lt;b&gt;hi&lt;/b&gt;&quot;);'));
    assert.ok(page.includes('<title>A &lt;demo&gt; &amp; &quot;lesson&quot;</title>'));
  });

  it('shows one language at a time: a switch, examples and notes marked with their language', () => {
    const md = 'Shared.\n\n<!-- example: first -->\n\n<!-- language: python -->\nOnly *Python*.\n\n<!-- example: first-py -->\n<!-- end language -->\n\n```md\n<!-- language: python -->\n```\n';
    const py = example('first-py', { language: 'python', file: '/l/examples/first_py.py', relativeFile: 'examples/first_py.py' });
    const page = renderLessonPage(lesson(md, [example('first'), py]), code, res, {}, 'python');
    assert.match(page, /<body data-lesson="demo" data-language="python">/);
    assert.match(page, /data-action="setLanguage" data-language="javascript" aria-pressed="false">JavaScript</);
    assert.match(page, /data-action="setLanguage" data-language="python" aria-pressed="true">Python</);
    assert.match(page, /<section class="example" id="example-first" data-for-language="javascript">/);
    assert.match(page, /<section class="example" id="example-first-py" data-for-language="python">/);
    assert.match(page, /<div class="language-note" data-for-language="python">\n<p>Only <em>Python<\/em>.<\/p>\n<section class="example" id="example-first-py"[^]*?<\/section>\n<\/div>/);
    assert.match(page, /title="Run in the Weak References terminal with python3"/);
    assert.match(page, /<code class="language-python">/);
    // The marker inside the fenced block is text, not a second block.
    assert.equal((page.match(/class="language-note"/g) ?? []).length, 1);
    assert.ok(page.includes('&lt;!-- language: python --&gt;'));
    const jsOnly = renderLessonPage(lesson('<!-- example: first -->\n', [example('first')]), code, res);
    assert.match(jsOnly, /data-language="javascript">/);
    assert.match(jsOnly, /<p class="muted" data-for-language="python">This lesson has no Python examples yet.<\/p>/);
    assert.doesNotMatch(jsOnly, /data-for-language="javascript">This lesson has no/);
  });

  it('accepts a language choice only for a known language', () => {
    const catalog = { lesson: () => undefined, example: () => undefined };
    const ok = validateMessage({ type: 'setLanguage', language: 'python' }, 'demo', catalog);
    assert.ok(ok.ok && ok.message.type === 'setLanguage' && ok.message.language === 'python');
    for (const language of ['ruby', '', 42, undefined, 'Python', '__proto__']) {
      assert.equal(validateMessage({ type: 'setLanguage', language }, 'demo', catalog).ok, false, String(language));
    }
  });

  it('accepts only known messages about this panel\'s lesson and its examples', () => {
    const l = lesson('', [example('first', { chart: true }), example('second')], { exercise: { starter: 's', solution: 'o', checks: 'c' } });
    const catalog = { lesson: (id: string) => (id === 'demo' ? l : undefined), example: (lid: string, eid: string) => (lid === 'demo' ? l.examples.find((e) => e.id === eid) : undefined) };
    const ok = validateMessage({ type: 'run', lessonId: 'demo', exampleId: 'first' }, 'demo', catalog);
    assert.ok(ok.ok && ok.message.type === 'run' && 'example' in ok.message && ok.message.example.id === 'first');
    assert.ok(validateMessage({ type: 'chart', lessonId: 'demo', exampleId: 'first' }, 'demo', catalog).ok);
    assert.ok(validateMessage({ type: 'stop', lessonId: 'demo', exampleId: 'first' }, 'demo', catalog).ok);
    assert.ok(validateMessage({ type: 'checkSolution', lessonId: 'demo' }, 'demo', catalog).ok);
    for (const bad of [
      null,
      'run',
      [],
      { type: 'eval', lessonId: 'demo' },
      { type: 'run', lessonId: 'other', exampleId: 'first' },
      { type: 'run', lessonId: 'demo', exampleId: '../../etc/passwd' },
      { type: 'run', lessonId: 'demo', exampleId: 42 },
      { type: 'chart', lessonId: 'demo', exampleId: 'second' },
      { type: 'open', lessonId: 'demo' },
      { type: 'stop', lessonId: 'other', exampleId: 'first' },
    ]) {
      assert.equal(validateMessage(bad, 'demo', catalog).ok, false, JSON.stringify(bad));
    }
    const noExercise = lesson('', [example('first')]);
    assert.equal(validateMessage({ type: 'checkSolution', lessonId: 'demo' }, 'demo', { lesson: () => noExercise, example: () => undefined }).ok, false);
  });

  it('validates chart data from a child process before drawing it, and escapes its names', () => {
    assert.equal(parseChartData(null).ok, false);
    assert.equal(parseChartData({ series: [] }).ok, false);
    assert.equal(parseChartData({ series: [{ name: 'a', values: [1, NaN] }] }).ok, false);
    assert.equal(parseChartData({ series: [{ name: 'a', values: ['1'] }] }).ok, false);
    const parsed = parseChartData({ title: 'Heap <b>', unit: 'MB', xLabel: 'round', series: [{ name: 'weak <i>', values: [4, 4.1, 4] }, { name: 'strong', values: [4, 10, 16] }] });
    assert.ok(parsed.ok);
    const html = renderChart(parsed.data);
    assert.match(html, /<svg class="line-chart"/);
    assert.equal((html.match(/<polyline/g) ?? []).length, 2);
    assert.ok(html.includes('Heap &lt;b&gt;') && !html.includes('<b>') && !html.includes('<i>'));
    assert.equal(niceStep(16, 5), 5);
    const s = chartScale(parsed.data);
    assert.equal(s.yMin, 0);
    assert.ok(s.yMax >= 16);
    assert.ok(s.y(16) < s.y(4), 'larger values are drawn higher');
  });

  it('shows each check as passed or failed, with the reason escaped', () => {
    const html = renderCheckResults({ results: [{ id: 'a', requirement: 'tracks <objects>', passed: true }, { id: 'b', requirement: 'finds by tag', passed: false, message: 'expected 2, got <1>' }] });
    assert.match(html, /1 of 2 requirements met/);
    assert.match(html, /class="check passed"/);
    assert.match(html, /class="check failed"/);
    assert.ok(html.includes('expected 2, got &lt;1&gt;'));
    assert.match(renderCheckResults({ results: [{ id: 'a', requirement: 'r', passed: true }] }), /All 1 requirements met/);
  });

  it('links to the previous and next lessons, and accepts only a move to a lesson that exists', () => {
    const first = lesson('', [], { id: 'first', title: 'First <1>' });
    const second = lesson('', [], { id: 'second', title: 'Second' });
    const nav = renderLessonNav(second, { previous: first });
    assert.match(nav, /data-action="goto" data-lesson="second" data-target="first"/);
    assert.ok(nav.includes('First &lt;1&gt;'));
    assert.doesNotMatch(nav, /Next/);
    assert.equal(renderLessonNav(second, {}), '');
    const catalog = { lesson: (id: string) => [first, second].find((l) => l.id === id), example: () => undefined };
    const ok = validateMessage({ type: 'goto', lessonId: 'second', targetId: 'first' }, 'second', catalog);
    assert.ok(ok.ok && ok.message.type === 'goto' && ok.message.target.id === 'first');
    assert.equal(validateMessage({ type: 'goto', lessonId: 'second', targetId: 'nope' }, 'second', catalog).ok, false);
    assert.equal(validateMessage({ type: 'goto', lessonId: 'second' }, 'second', catalog).ok, false);
    assert.equal(validateMessage({ type: 'goto', lessonId: 'first', targetId: 'second' }, 'second', catalog).ok, false);
  });
});
