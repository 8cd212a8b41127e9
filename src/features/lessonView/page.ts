// The lesson view's HTML, built from catalogue data only. vscode-free so it is unit-tested;
// the adapter supplies the webview-specific strings (CSP source, resource URIs, nonce).
import { randomBytes } from 'crypto';
import { LANGUAGE_NAMES, LANGUAGES, type Language, type Lesson, type LessonExample } from '../../lessons/types';
import { renderHints } from './hints';
import { escapeHtml } from './html';
import { renderMarkdown } from './markdown';

export interface PageResources {
  /** webview.cspSource */
  cspSource: string;
  /** webview.asWebviewUri(...) of media/lessonView.css and media/lessonView.js, as strings. */
  styleUri: string;
  scriptUri: string;
  nonce: string;
}

/** The code shown for an example: the text of its original file, or why it could not be read. */
export type CodeSource = (example: LessonExample) => { code: string } | { error: string };

export function createNonce(): string {
  // base64 letters are all legal in a CSP nonce; 128 bits cannot be guessed.
  return randomBytes(16).toString('base64');
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
    `img-src ${cspSource} data:`,
  ].join('; ');
}

/** How each language's examples run, for the Run button's tooltip and the code's class. */
const RUN_WITH: Record<Language, string> = { javascript: 'node --expose-gc', python: 'python3' };
const CODE_CLASS: Record<Language, string> = { javascript: 'language-js', python: 'language-python' };

export function renderExampleBlock(lesson: Lesson, example: LessonExample, source: ReturnType<CodeSource>): string {
  const id = escapeHtml(example.id);
  const data = `data-lesson="${escapeHtml(lesson.id)}" data-example="${id}"`;
  // Every example has a Run button: the accessible name says which (it starts with the visible
  // word, so speech input still finds "Run").
  const named = (verb: string) => `aria-label="${escapeHtml(`${verb}: ${example.title}`)}"`;
  const buttons = [
    `<button type="button" class="primary" data-action="run" ${data} ${named('Run')} title="Run in the Weak References terminal with ${RUN_WITH[example.language]}">Run</button>`,
    `<button type="button" class="secondary" data-action="stop" ${data} ${named('Stop')} title="Stop the example that is running, and everything it started">Stop</button>`,
    `<button type="button" class="secondary" data-action="open" ${data} ${named('Open')} title="Open an editable copy">Open</button>`,
    example.chart
      ? `<button type="button" class="secondary" data-action="chart" ${data} ${named('Measure and chart')} title="Run it and draw the measurements">Measure and chart</button>`
      : '',
  ].join('');
  const badges = [
    example.gcDependent ? '<span class="badge" title="The output depends on garbage collection">GC</span>' : '',
    example.expectFailure ? '<span class="badge warning">throws on purpose</span>' : '',
  ].join('');
  const code =
    'code' in source
      ? // tabindex: a code block wider than the page scrolls, and keyboard users must reach it to scroll it.
        `<pre class="example-code" tabindex="0"><code class="${CODE_CLASS[example.language]}">${escapeHtml(source.code)}</code></pre>`
      : `<p class="problem">Could not read ${escapeHtml(example.relativeFile)}: ${escapeHtml(source.error)}</p>`;
  const failure = example.expectFailure
    ? `<p class="expect-failure">Ends with an uncaught <code>${escapeHtml(example.expectFailure.errorType)}</code> whose message includes “${escapeHtml(example.expectFailure.messageIncludes)}”.</p>`
    : '';
  const output = example.expectedOutput
    ? `<pre class="example-output" tabindex="0">${escapeHtml(example.expectedOutput)}</pre>`
    : '<p class="muted">(prints nothing)</p>';
  const chart = example.chart
    ? `<div class="chart" data-chart-for="${id}" role="status" aria-live="polite"></div>`
    : '';
  return [
    `<section class="example" id="example-${id}" data-for-language="${example.language}">`,
    `<header class="example-header"><h3>${escapeHtml(example.title)}</h3>${badges}<span class="file">${escapeHtml(example.relativeFile)}</span></header>`,
    code,
    `<div class="actions">${buttons}</div>`,
    `<div class="expected"><div class="label">Expected output</div>${output}${failure}</div>`,
    chart,
    `</section>`,
  ].join('\n');
}

/** What the page shows of the learner's own state. */
export interface LearnerState {
  /** Hints of this lesson's exercise already revealed. */
  hintsUsed: number;
}

export function renderExerciseSection(lesson: Lesson, learner: LearnerState = { hintsUsed: 0 }): string {
  if (!lesson.exercise) return '';
  const data = `data-lesson="${escapeHtml(lesson.id)}"`;
  const hints = lesson.exercise.hints;
  const hintSection = hints.length
    ? [
        '<section class="hints" aria-labelledby="hints-heading">',
        '<h3 id="hints-heading">Hints</h3>',
        `<p class="muted">Stuck? ${hints.length} hints go from a nudge to nearly the answer, one at a time.</p>`,
        `<div id="hints">${renderHints(lesson.id, hints, learner.hintsUsed)}</div>`,
        '</section>',
      ].join('\n')
    : '';
  return [
    '<section class="exercise" id="exercise" aria-labelledby="exercise-heading">',
    '<h2 id="exercise-heading">Exercise</h2>',
    '<p>Open the starter file, make it meet every requirement, then check it. Your file is kept between sessions; checking never changes it.</p>',
    '<div class="actions">',
    `<button type="button" class="primary" data-action="openExercise" ${data}>Open my solution file</button>`,
    `<button type="button" class="primary" data-action="checkSolution" ${data}>Check my solution</button>`,
    `<button type="button" class="secondary" data-action="revealSolution" ${data}>Reveal reference solution</button>`,
    '</div>',
    '<div class="check-results" id="check-results" role="status" aria-live="polite"><p class="muted">Not checked yet.</p></div>',
    hintSection,
    '</section>',
  ].join('\n');
}

/** The lesson's text with every example in place; examples without a marker follow at the end. */
export function renderLessonBody(lesson: Lesson, codeOf: CodeSource, learner?: LearnerState): string {
  const placed = new Set<string>();
  const html = renderMarkdown(lesson.markdown, {
    renderExample(id) {
      const example = lesson.examples.find((e) => e.id === id);
      if (!example)
        return `<p class="problem">This lesson places an example “${escapeHtml(id)}” that lesson.json does not list.</p>\n`;
      placed.add(id);
      return renderExampleBlock(lesson, example, codeOf(example)) + '\n';
    },
  });
  const rest = lesson.examples.filter((e) => !placed.has(e.id));
  const tail = rest.length
    ? `<h2>More examples</h2>\n${rest.map((e) => renderExampleBlock(lesson, e, codeOf(e))).join('\n')}`
    : '';
  const missing = LANGUAGES.filter((l) => !lesson.examples.some((e) => e.language === l))
    .map((l) => `<p class="muted" data-for-language="${l}">This lesson has no ${LANGUAGE_NAMES[l]} examples yet.</p>\n`)
    .join('');
  return html + tail + missing + renderExerciseSection(lesson, learner);
}

/** The JavaScript | Python switch; the page script shows one language at a time. */
export function renderLanguageSwitch(language: Language): string {
  const buttons = LANGUAGES.map(
    (l) =>
      `<button type="button" class="secondary" data-action="setLanguage" data-language="${l}" aria-pressed="${l === language}">${LANGUAGE_NAMES[l]}</button>`,
  ).join('');
  return `<div class="language-switch" role="group" aria-label="Language of the examples">${buttons}</div>`;
}

/** The lessons before and after this one in the course, for the buttons at the bottom. */
export interface Neighbours {
  previous?: Lesson;
  next?: Lesson;
}

export function renderLessonNav(lesson: Lesson, around: Neighbours): string {
  const button = (target: Lesson | undefined, label: string, cls: string) =>
    target
      ? `<button type="button" class="${cls}" data-action="goto" data-lesson="${escapeHtml(lesson.id)}" data-target="${escapeHtml(target.id)}">${label}: ${escapeHtml(target.title)}</button>`
      : '';
  const parts = [button(around.previous, '← Previous', 'secondary'), button(around.next, 'Next', 'primary')].filter(
    Boolean,
  );
  return parts.length ? `<nav class="lesson-nav actions" aria-label="Lessons">${parts.join('')}</nav>` : '';
}

export function renderLessonPage(
  lesson: Lesson,
  codeOf: CodeSource,
  res: PageResources,
  around: Neighbours = {},
  language: Language = 'javascript',
  learner?: LearnerState,
): string {
  const nonce = escapeHtml(res.nonce);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(res.cspSource, res.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(res.styleUri)}">
<title>${escapeHtml(lesson.title)}</title>
</head>
<body data-lesson="${escapeHtml(lesson.id)}" data-language="${language}">
<main class="lesson">
<h1>${escapeHtml(lesson.title)}</h1>
${lesson.summary ? `<p class="summary">${escapeHtml(lesson.summary)}</p>` : ''}
${renderLanguageSwitch(language)}
${renderLessonBody(lesson, codeOf, learner)}
${renderLessonNav(lesson, around)}
</main>
<script nonce="${nonce}" src="${escapeHtml(res.scriptUri)}"></script>
</body>
</html>`;
}
