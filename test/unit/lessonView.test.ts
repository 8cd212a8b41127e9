// The lesson page is built from files, so everything in it is text: nothing a lesson says can
// become markup or script, and nothing the page sends is acted on unless it names a real example.
import * as assert from 'node:assert/strict';
import type { Lesson, LessonExample } from '../../src/lessons/types';
import {
  chartScale,
  describeChart,
  describeSeries,
  niceStep,
  parseChartData,
  renderChart,
} from '../../src/features/lessonView/chart';
import { markerIds, renderMarkdown } from '../../src/features/lessonView/markdown';
import { validateMessage } from '../../src/features/lessonView/messages';
import {
  contentSecurityPolicy,
  createNonce,
  renderExerciseSection,
  renderLessonNav,
  renderLessonPage,
} from '../../src/features/lessonView/page';
import { hintsUsedNote, renderHints } from '../../src/features/lessonView/hints';
import { renderCheckResults } from '../../src/features/lessonView/results';

function example(id: string, extra: Partial<LessonExample> = {}): LessonExample {
  return {
    id,
    title: `Example ${id}`,
    language: 'javascript',
    file: `/l/examples/${id}.js`,
    relativeFile: `examples/${id}.js`,
    expectedOutput: 'alive\ngone',
    gcDependent: false,
    chart: false,
    ...extra,
  };
}
function lesson(markdown: string, examples: LessonExample[], extra: Partial<Lesson> = {}): Lesson {
  return {
    kind: 'lesson',
    id: 'demo',
    title: 'A <demo> & "lesson"',
    order: 1,
    summary: 'sum',
    topics: ['intro'],
    dir: '/l',
    markdown,
    examples,
    ...extra,
  };
}
const res = {
  cspSource: 'vscode-webview://x',
  styleUri: 'vscode-webview://x/a.css',
  scriptUri: 'vscode-webview://x/a.js',
  nonce: 'abc123',
};
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
    const html = renderMarkdown(
      '## Title\n\n- one\n- two\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n```js\nconst a = 1 < 2;\n```\n\n<script>alert(1)</script>\n<img src=x onerror=alert(1)>',
      { renderExample: () => '' },
    );
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
    const md =
      'Shared.\n\n<!-- example: first -->\n\n<!-- language: python -->\nOnly *Python*.\n\n<!-- example: first-py -->\n<!-- end language -->\n\n```md\n<!-- language: python -->\n```\n';
    const py = example('first-py', {
      language: 'python',
      file: '/l/examples/first_py.py',
      relativeFile: 'examples/first_py.py',
    });
    const page = renderLessonPage(lesson(md, [example('first'), py]), code, res, {}, 'python');
    assert.match(page, /<body data-lesson="demo" data-language="python">/);
    assert.match(page, /data-action="setLanguage" data-language="javascript" aria-pressed="false">JavaScript</);
    assert.match(page, /data-action="setLanguage" data-language="python" aria-pressed="true">Python</);
    assert.match(page, /<section class="example" id="example-first" data-for-language="javascript">/);
    assert.match(page, /<section class="example" id="example-first-py" data-for-language="python">/);
    assert.match(
      page,
      /<div class="language-note" data-for-language="python">\n<p>Only <em>Python<\/em>.<\/p>\n<section class="example" id="example-first-py"[^]*?<\/section>\n<\/div>/,
    );
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

  it("accepts only known messages about this panel's lesson and its examples", () => {
    const l = lesson('', [example('first', { chart: true }), example('second')], {
      exercise: { starter: 's', solution: 'o', checks: 'c', hints: ['a', 'b'] },
    });
    const catalog = {
      lesson: (id: string) => (id === 'demo' ? l : undefined),
      example: (lid: string, eid: string) => (lid === 'demo' ? l.examples.find((e) => e.id === eid) : undefined),
    };
    const ok = validateMessage({ type: 'run', lessonId: 'demo', exampleId: 'first' }, 'demo', catalog);
    assert.ok(ok.ok && ok.message.type === 'run' && 'example' in ok.message && ok.message.example.id === 'first');
    assert.ok(validateMessage({ type: 'chart', lessonId: 'demo', exampleId: 'first' }, 'demo', catalog).ok);
    assert.ok(validateMessage({ type: 'stop', lessonId: 'demo', exampleId: 'first' }, 'demo', catalog).ok);
    assert.ok(validateMessage({ type: 'checkSolution', lessonId: 'demo' }, 'demo', catalog).ok);
    assert.ok(validateMessage({ type: 'hint', lessonId: 'demo' }, 'demo', catalog).ok);
    assert.ok(validateMessage({ type: 'compareSolution', lessonId: 'demo' }, 'demo', catalog).ok);
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
      { type: 'hint', lessonId: 'other' },
      { type: 'compareSolution', lessonId: 'other' },
    ]) {
      assert.equal(validateMessage(bad, 'demo', catalog).ok, false, JSON.stringify(bad));
    }
    const noExercise = lesson('', [example('first')]);
    assert.equal(
      validateMessage({ type: 'checkSolution', lessonId: 'demo' }, 'demo', {
        lesson: () => noExercise,
        example: () => undefined,
      }).ok,
      false,
    );
    for (const type of ['hint', 'compareSolution'])
      assert.equal(
        validateMessage({ type, lessonId: 'demo' }, 'demo', { lesson: () => noExercise, example: () => undefined }).ok,
        false,
        type,
      );
    const noHints = lesson('', [], { exercise: { starter: 's', solution: 'o', checks: 'c', hints: [] } });
    const hintless = validateMessage({ type: 'hint', lessonId: 'demo' }, 'demo', {
      lesson: () => noHints,
      example: () => undefined,
    });
    assert.ok(!hintless.ok && /no hints/.test(hintless.reason));
  });

  it('validates chart data from a child process before drawing it, and escapes its names', () => {
    assert.equal(parseChartData(null).ok, false);
    assert.equal(parseChartData({ series: [] }).ok, false);
    assert.equal(parseChartData({ series: [{ name: 'a', values: [1, NaN] }] }).ok, false);
    assert.equal(parseChartData({ series: [{ name: 'a', values: ['1'] }] }).ok, false);
    const parsed = parseChartData({
      title: 'Heap <b>',
      unit: 'MB',
      xLabel: 'round',
      series: [
        { name: 'weak <i>', values: [4, 4.1, 4] },
        { name: 'strong', values: [4, 10, 16] },
      ],
    });
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
    const html = renderCheckResults({
      results: [
        { id: 'a', requirement: 'tracks <objects>', passed: true },
        { id: 'b', requirement: 'finds by tag', passed: false, message: 'expected 2, got <1>' },
      ],
    });
    assert.match(html, /1 of 2 requirements met/);
    assert.match(html, /class="check passed"/);
    assert.match(html, /class="check failed"/);
    assert.ok(html.includes('expected 2, got &lt;1&gt;'));
    assert.match(
      renderCheckResults({ results: [{ id: 'a', requirement: 'r', passed: true }] }),
      /All 1 requirements met/,
    );
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

  describe('graded hints and the reference solution', () => {
    const hints = ['A *nudge*.', 'Use `WeakRef` <b>here</b>.', 'Nearly the answer.'];
    const ex = lesson('', [], { id: 'ex', exercise: { starter: 's', solution: 'o', checks: 'c', hints } });

    it('puts only the revealed hints in the page, and a button for the next one', () => {
      const none = renderExerciseSection(ex, { hintsUsed: 0 });
      assert.match(none, /<h3 id="hints-heading-javascript">Hints<\/h3>/);
      assert.match(none, /data-action="hint" data-lesson="ex" data-language="javascript">Show a hint \(1 of 3\)/);
      for (const h of ['<em>nudge', 'WeakRef', 'Nearly the answer.'])
        assert.ok(!none.includes(h), `hint text "${h}" leaked before it was asked for`);
      const two = renderHints('ex', 'javascript', hints, 2);
      assert.equal((two.match(/<li class="hint"/g) ?? []).length, 2);
      assert.match(two, /Hint 1 of 3:<\/span> A <em>nudge<\/em>\./);
      assert.ok(
        two.includes('<code>WeakRef</code> &lt;b&gt;here&lt;/b&gt;'),
        'inline code is rendered, raw HTML stays text',
      );
      assert.equal((two.match(/data-newest-hint/g) ?? []).length, 1);
      assert.match(two, /Hint 2 of 3:[^]*data-newest-hint|data-newest-hint[^>]*><span class="hint-label">Hint 2 of 3/);
      assert.ok(!two.includes('Nearly'));
      assert.match(two, /Show the next hint \(3 of 3\)/);
      const all = renderHints('ex', 'javascript', hints, 5);
      assert.equal((all.match(/<li class="hint"/g) ?? []).length, 3);
      assert.doesNotMatch(all, /data-action="hint"/);
      assert.match(all, /All 3 hints are shown/);
      assert.equal(
        renderExerciseSection(
          lesson('', [], { exercise: { starter: 's', solution: 'o', checks: 'c', hints: [] } }),
        ).includes('hints-heading'),
        false,
      );
    });

    it("offers each language's version of the exercise under that language, with its own buttons, results and hints", () => {
      const python = {
        starter: 's.py',
        solution: 'o.py',
        checks: 'c.py',
        hints: ['Py *one*.', 'Py two.', 'Py three.'],
      };
      const both = lesson('', [], { id: 'ex', exercise: { starter: 's', solution: 'o', checks: 'c', hints, python } });
      const html = renderExerciseSection(both, { hintsUsed: 1 });
      for (const language of ['javascript', 'python']) {
        const block = html
          .split('<div class="exercise-variant"')
          .find((part) => part.startsWith(` data-for-language="${language}">`));
        assert.ok(block, `no ${language} block`);
        for (const action of ['openExercise', 'checkSolution', 'revealSolution', 'hint'])
          assert.match(block, new RegExp(`data-action="${action}" data-lesson="ex" data-language="${language}"`));
        assert.match(block, new RegExp(`id="check-results-${language}"`));
        assert.match(block, new RegExp(`id="hints-${language}"`));
      }
      // The one hint used is shown in each language's own words.
      assert.match(html, /Hint 1 of 3:<\/span> A <em>nudge<\/em>/);
      assert.match(html, /Hint 1 of 3:<\/span> Py <em>one<\/em>/);
      assert.doesNotMatch(html, /Py two/);
      assert.doesNotMatch(html, /has no Python version/);
      // A JavaScript-only exercise shows under either choice and says so to a Python learner.
      const jsOnly = renderExerciseSection(ex);
      assert.match(jsOnly, /<div class="exercise-variant">/);
      assert.match(jsOnly, /<p class="muted" data-for-language="python">This exercise has no Python version yet/);
    });

    it('accepts an exercise message for a language only when the exercise has that version', () => {
      const python = { starter: 's.py', solution: 'o.py', checks: 'c.py', hints: ['1', '2', '3'] };
      const both = lesson('', [], { exercise: { starter: 's', solution: 'o', checks: 'c', hints, python } });
      const jsOnly = lesson('', [], { exercise: { starter: 's', solution: 'o', checks: 'c', hints } });
      const lookup = (l: typeof both) => ({ lesson: () => l, example: () => undefined });
      const ok = validateMessage({ type: 'checkSolution', lessonId: 'demo', language: 'python' }, 'demo', lookup(both));
      assert.ok(ok.ok && ok.message.type === 'checkSolution' && 'language' in ok.message);
      assert.equal(ok.ok && 'language' in ok.message ? ok.message.language : undefined, 'python');
      const none = validateMessage({ type: 'hint', lessonId: 'demo' }, 'demo', lookup(both));
      assert.ok(none.ok && !('language' in none.message));
      for (const [l, language] of [
        [jsOnly, 'python'],
        [both, 'ruby'],
        [both, 42],
        [both, null],
      ] as const) {
        const r = validateMessage({ type: 'checkSolution', lessonId: 'demo', language }, 'demo', lookup(l));
        assert.ok(!r.ok && /has no .* version/.test(r.reason), JSON.stringify(language));
      }
    });

    it('says how many hints were used beside the result, in the same words for none and all', () => {
      assert.equal(hintsUsedNote(0, 3), 'Hints used: 0 of 3.');
      assert.equal(hintsUsedNote(3, 3), 'Hints used: 3 of 3.');
      assert.equal(hintsUsedNote(7, 3), 'Hints used: 3 of 3.');
      assert.equal(hintsUsedNote(0, 0), '');
      const passed = renderCheckResults(
        { results: [{ id: 'a', requirement: 'r', passed: true }] },
        { lessonId: 'ex', language: 'javascript', hintsUsed: 2, hintCount: 3 },
      );
      assert.match(passed, /All 1 requirements met\. <span class="hints-used">Hints used: 2 of 3\.<\/span>/);
      assert.match(
        passed,
        /class="primary" data-action="compareSolution" data-lesson="ex" data-language="javascript">Compare with the reference solution/,
      );
      const failed = renderCheckResults(
        { results: [{ id: 'a', requirement: 'r', passed: false, message: 'no' }] },
        { lessonId: 'ex', language: 'python', hintsUsed: 0, hintCount: 3 },
      );
      assert.match(failed, /class="secondary" data-action="compareSolution" data-lesson="ex" data-language="python"/);
      // A check that could not run at all offers no comparison (there is nothing checked to compare).
      assert.doesNotMatch(
        renderCheckResults(
          { results: [], error: 'timed out' },
          { lessonId: 'ex', language: 'python', hintsUsed: 0, hintCount: 3 },
        ),
        /compareSolution/,
      );
    });
  });

  describe('the memory chart for people who cannot see it', () => {
    // The numbers heap-over-rounds.js measured on this machine (its chart file, verbatim).
    const measured = {
      title: 'Heap growth after each round (after gc())',
      unit: 'MB',
      xLabel: 'round',
      series: [
        { name: 'weak-value cache', values: [0, 0, 0, 0, 0, 0, 0, 0, 0.3, 0] },
        { name: 'strong Map cache', values: [1.9, 3.8, 5.7, 7.6, 9.5, 11.4, 13.4, 15.3, 17.2, 19.1] },
      ],
    };

    it('summarizes each series in words: flat, grew, fell, or between', () => {
      assert.equal(
        describeChart(measured),
        'weak-value cache: flat at 0 MB over 10 rounds; strong Map cache: grew to 19.1 MB over 10 rounds',
      );
      const d = (values: number[]) =>
        describeSeries(
          { name: 's', values },
          { title: '', unit: 'MB', xLabel: 'round', series: [{ name: 's', values }] },
        );
      assert.equal(d([10, 8, 5, 2]), 's: fell to 2 MB over 4 rounds');
      assert.equal(d([1, 9, 1, 9]), 's: between 1 and 9 MB over 4 rounds, ending at 9 MB');
      assert.equal(d([4.2]), 's: 4.2 MB');
      assert.equal(d([5, 5.1, 5]), 's: flat at 5 MB over 3 rounds');
    });

    it('gives the SVG a title and a description a screen reader announces, a legend, and a table of the same numbers', () => {
      const html = renderChart(measured, undefined, 'chart-heap');
      assert.match(html, /<svg [^>]*role="img" aria-labelledby="chart-heap-title" aria-describedby="chart-heap-desc">/);
      assert.match(html, /<title id="chart-heap-title">Heap growth after each round \(after gc\(\)\)<\/title>/);
      assert.match(
        html,
        /<desc id="chart-heap-desc">weak-value cache: flat at 0 MB over 10 rounds; strong Map cache: grew to 19\.1 MB over 10 rounds<\/desc>/,
      );
      assert.match(
        html,
        /<ul class="legend"[^>]*><li><span class="swatch series-0" aria-hidden="true"><\/span>weak-value cache<\/li><li><span class="swatch series-1"/,
      );
      const cells = [...html.matchAll(/<td>([^<]*)<\/td>/g)].map((m) => Number(m[1]));
      const expected = measured.series[0].values.flatMap((v, i) => [v, measured.series[1].values[i]]);
      assert.deepEqual(cells, expected);
      assert.match(html, /<th scope="col">strong Map cache \(MB\)<\/th>/);
    });
  });
});
