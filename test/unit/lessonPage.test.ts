// What the lesson page tells the learner about their own state: that Run runs their edited
// copy (and how to get the original back), whether Stop has anything to stop, what completes
// the lesson and how far they are, and a subtitle in the language they chose.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadCatalog } from '../../src/lessons/catalog';
import { exampleChoices } from '../../src/lessons/exampleChoices';
import { completionOf, emptyProgress, withCompleted, withExampleRun } from '../../src/lessons/progress';
import type { Lesson, LessonExample } from '../../src/lessons/types';
import { renderChartSvg } from '../../src/features/lessonView/chart';
import { completionText } from '../../src/features/lessonView/completion';
import { validateMessage } from '../../src/features/lessonView/messages';
import { renderExampleBlock, renderLessonPage, renderSummary } from '../../src/features/lessonView/page';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const catalog = loadCatalog(path.join(ROOT, 'lessons'));
const intro = catalog.lessons.find((l) => l.id === 'intro')!;
const res = { cspSource: 'vscode-webview://x', styleUri: 's.css', scriptUri: 's.js', nonce: 'n' };
const code = () => ({ code: 'console.log(1);' });

/** The opening tag of the element carrying these attribute fragments. */
function tagWith(html: string, ...fragments: string[]): string {
  const tag = html.match(/<[a-z]+\b[^>]*>/g)?.find((t) => fragments.every((f) => t.includes(f)));
  assert.ok(tag, `no tag with ${fragments.join(' ')} in ${html.slice(0, 400)}`);
  return tag;
}

describe('the lesson page and the learner', () => {
  const example: LessonExample = intro.examples.find((e) => e.language === 'javascript')!;

  it('says when Run runs the edited copy instead of the code shown, and offers the original back', () => {
    const edited = renderExampleBlock(intro, example, code(), { edited: true, running: false });
    const note = tagWith(edited, `data-edited-for="${example.id}"`);
    assert.doesNotMatch(note, /\shidden/);
    assert.match(edited, /Run runs your edited copy, not the code shown here\./);
    assert.match(tagWith(edited, 'data-action="run"'), /title="Run your edited copy in the Weak References terminal/);
    assert.match(tagWith(edited, 'data-action="restore"'), new RegExp(`data-example="${example.id}"`));

    const unedited = renderExampleBlock(intro, example, code(), { edited: false, running: false });
    assert.match(tagWith(unedited, `data-edited-for="${example.id}"`), /\shidden/);
    assert.doesNotMatch(tagWith(unedited, 'data-action="run"'), /edited copy/);
  });

  it('accepts Restore original for an example of its own lesson only', () => {
    const lookup = {
      lesson: (id: string) => catalog.lessons.find((l) => l.id === id),
      example: (l: string, e: string) => catalog.lessons.find((x) => x.id === l)?.examples.find((x) => x.id === e),
    };
    const ok = validateMessage({ type: 'restore', lessonId: 'intro', exampleId: example.id }, 'intro', lookup);
    assert.equal(ok.ok && ok.message.type, 'restore');
    assert.equal(validateMessage({ type: 'restore', lessonId: 'intro', exampleId: 'nope' }, 'intro', lookup).ok, false);
  });

  it('disables Stop while nothing runs, and enables it during a run', () => {
    const idle = renderExampleBlock(intro, example, code(), { edited: false, running: false });
    assert.match(tagWith(idle, 'data-action="stop"'), /\sdisabled/);
    const running = renderExampleBlock(intro, example, code(), { edited: false, running: true });
    assert.doesNotMatch(tagWith(running, 'data-action="stop"'), /\sdisabled/);
  });

  it('says what completes a lesson and how far the learner is, per language', () => {
    const js = intro.examples.filter((e) => e.language === 'javascript');
    let data = withExampleRun(emptyProgress(), intro, intro.id, js[0].id);
    const partway = completionOf(data, intro, 'javascript');
    assert.deepEqual(partway, { completed: false, by: 'examples', examplesRun: 1, examples: js.length });
    assert.equal(completionText(partway), `Completed when you have run every example. 1 of ${js.length} examples run.`);
    for (const e of js) data = withExampleRun(data, intro, intro.id, e.id);
    assert.equal(
      completionText(completionOf(data, intro, 'javascript')),
      `Completed. ${js.length} of ${js.length} examples run.`,
    );

    const registry = catalog.lessons.find((l) => l.exercise)!;
    assert.equal(
      completionText(completionOf(emptyProgress(), registry, 'javascript')),
      'Completed when your solution passes the check.',
    );
    assert.equal(
      completionText(completionOf(withCompleted(emptyProgress(), registry.id), registry, 'python')),
      'Completed: your solution passed the check.',
    );
    const page = renderLessonPage(intro, code, res, {}, 'javascript', {
      hintsUsed: 0,
      completion: partway,
    });
    assert.match(
      page,
      /<div id="completion" role="status"><p class="completion">Completed when you have run every example\. 1 of/,
    );
  });

  it('gives Python learners a subtitle that speaks of Python, where the lesson has one', () => {
    assert.match(intro.summary, /JavaScript/);
    assert.ok(intro.pythonSummary, 'the first lesson has a Python summary');
    assert.doesNotMatch(intro.pythonSummary, /JavaScript/);
    const html = renderSummary(intro);
    assert.match(tagWith(html, 'class="summary"', 'data-for-language="python"'), /python/);
    assert.ok(html.includes(`data-for-language="javascript">${intro.summary}</p>`));
    const plain: Lesson = { ...intro, pythonSummary: undefined };
    assert.doesNotMatch(renderSummary(plain), /data-for-language/);
  });

  it('never shows a Python learner a subtitle in JavaScript terms', () => {
    // What a Python learner sees under each title: its Python summary where it has one.
    const javascriptOnly = /\bJavaScript\b|WeakRef\b|deref\(|FinalizationRegistry|\bWeakMap\b|undefined|\bjob\b/;
    for (const lesson of catalog.lessons) {
      if (!lesson.examples.some((e) => e.language === 'python')) continue;
      assert.doesNotMatch(lesson.pythonSummary ?? lesson.summary, javascriptOnly, lesson.id);
    }
  });

  it('offers examples in the palette tagged with their language, the chosen language first', () => {
    const py = exampleChoices(catalog.lessons, 'python');
    const firstJs = py.findIndex((c) => c.example.language === 'javascript');
    assert.ok(firstJs > 0 && py.slice(firstJs).every((c) => c.example.language === 'javascript'));
    for (const c of py)
      assert.match(c.description, new RegExp(`^(JavaScript|Python) · ${c.lesson.title.replace(/[()]/g, '\\$&')}$`));
    assert.equal(
      py.length,
      catalog.lessons.reduce((n, l) => n + l.examples.length, 0),
    );
  });

  it('writes the chart unit above the axis, clear of the top tick number', () => {
    const svg = renderChartSvg({ title: 't', unit: 'MB', xLabel: 'round', series: [{ name: 'a', values: [0, 20] }] });
    const unitY = Number(/<text class="axis-label"[^>]*y="([\d.]+)"[^>]*>MB</.exec(svg)![1]);
    const tickYs = [...svg.matchAll(/<text class="tick" x="[\d.]+" y="([\d.]+)" text-anchor="end"/g)].map((m) =>
      Number(m[1]),
    );
    // Tick text is 11px, centred on its y; the unit's baseline must sit above the top tick's top.
    assert.ok(unitY < Math.min(...tickYs) - 5.5 - 2, `unit at y=${unitY}, top tick at y=${Math.min(...tickYs)}`);
  });

  it('builds its HTML from calls the formatter lays out: no line of the page builders is over 150 characters', () => {
    const folder = path.join(ROOT, 'src', 'features', 'lessonView');
    for (const file of fs.readdirSync(folder)) {
      const lines = fs.readFileSync(path.join(folder, file), 'utf8').split('\n');
      lines.forEach((line, i) => assert.ok(line.length <= 150, `${file}:${i + 1} is ${line.length} characters`));
    }
  });
});
