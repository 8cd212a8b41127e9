// The lesson view's HTML, built from catalogue data only. vscode-free so it is unit-tested;
// the adapter supplies the webview-specific strings (CSP source, resource URIs, nonce).
import { randomBytes } from 'crypto';
import * as l10n from '@vscode/l10n';
import { exerciseLanguages, exerciseVariant, type ExerciseVariant } from '../../exercises/variant';
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
  const button = (action: string, cls: string, verb: string, title: string) =>
    `<button type="button" class="${cls}" data-action="${action}" ${data} aria-label="${escapeHtml(l10n.t('{0}: {1}', verb, example.title))}" title="${escapeHtml(title)}">${escapeHtml(verb)}</button>`;
  const buttons = [
    button(
      'run',
      'primary',
      l10n.t('Run'),
      l10n.t('Run in the Weak References terminal with {0}', RUN_WITH[example.language]),
    ),
    button(
      'memory',
      'secondary',
      l10n.t('Memory view'),
      l10n.t('Run it and show which weak targets stay alive, and what holds them'),
    ),
    button('stop', 'secondary', l10n.t('Stop'), l10n.t('Stop the example that is running, and everything it started')),
    button('open', 'secondary', l10n.t('Open'), l10n.t('Open an editable copy')),
    example.chart
      ? button('chart', 'secondary', l10n.t('Measure and chart'), l10n.t('Run it and draw the measurements'))
      : '',
  ].join('');
  const badges = [
    example.gcDependent
      ? `<span class="badge" title="${escapeHtml(l10n.t('The output depends on garbage collection'))}">GC</span>`
      : '',
    example.expectFailure ? `<span class="badge warning">${escapeHtml(l10n.t('throws on purpose'))}</span>` : '',
  ].join('');
  const code =
    'code' in source
      ? // tabindex: a code block wider than the page scrolls, and keyboard users must reach it to scroll it.
        `<pre class="example-code" tabindex="0"><code class="${CODE_CLASS[example.language]}">${escapeHtml(source.code)}</code></pre>`
      : `<p class="problem">${escapeHtml(l10n.t('Could not read {0}: {1}', example.relativeFile, source.error))}</p>`;
  // The error type is code; it goes in after the text is escaped, so a translation cannot inject markup.
  const failure = example.expectFailure
    ? `<p class="expect-failure">${escapeHtml(
        l10n.t(
          'Ends with an uncaught {0} whose message includes “{1}”.',
          '\u0000',
          example.expectFailure.messageIncludes,
        ),
      ).replace('\u0000', `<code>${escapeHtml(example.expectFailure.errorType)}</code>`)}</p>`
    : '';
  const output = example.expectedOutput
    ? `<pre class="example-output" tabindex="0">${escapeHtml(example.expectedOutput)}</pre>`
    : `<p class="muted">${escapeHtml(l10n.t('(prints nothing)'))}</p>`;
  const chart = example.chart
    ? `<div class="chart" data-chart-for="${id}" role="status" aria-live="polite"></div>`
    : '';
  return [
    `<section class="example" id="example-${id}" data-for-language="${example.language}">`,
    `<header class="example-header"><h3>${escapeHtml(example.title)}</h3>${badges}<span class="file">${escapeHtml(example.relativeFile)}</span></header>`,
    code,
    `<div class="actions">${buttons}</div>`,
    `<div class="expected"><div class="label">${escapeHtml(l10n.t('Expected output'))}</div>${output}${failure}</div>`,
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
  const languages = exerciseLanguages(lesson.exercise);
  // One block per language the exercise exists in, each shown with that language's examples; a
  // JavaScript-only exercise shows under either choice, with a note for Python learners.
  const only = languages.length === 1;
  const blocks = languages.map((language) =>
    renderExerciseVariant(lesson, exerciseVariant(lesson.exercise!, language), learner, only),
  );
  const note = LANGUAGES.filter((l) => !languages.includes(l)).map(
    (l) =>
      `<p class="muted" data-for-language="${l}">${escapeHtml(l10n.t('This exercise has no {0} version yet; here is the {1} one.', LANGUAGE_NAMES[l], LANGUAGE_NAMES[languages[0]]))}</p>`,
  );
  return [
    '<section class="exercise" id="exercise" aria-labelledby="exercise-heading">',
    `<h2 id="exercise-heading">${escapeHtml(l10n.t('Exercise'))}</h2>`,
    `<p>${escapeHtml(l10n.t('Open the starter file, make it meet every requirement, then check it. Your file is kept between sessions; checking never changes it.'))}</p>`,
    ...note,
    ...blocks,
    '</section>',
  ].join('\n');
}

/** The buttons, results and hints of one language's version; every button says which language it acts on. */
function renderExerciseVariant(
  lesson: Lesson,
  variant: ExerciseVariant,
  learner: LearnerState,
  shownForEveryLanguage: boolean,
): string {
  const language = variant.language;
  const data = `data-lesson="${escapeHtml(lesson.id)}" data-language="${language}"`;
  const hints = variant.hints;
  const hintSection = hints.length
    ? [
        `<section class="hints" aria-labelledby="hints-heading-${language}">`,
        `<h3 id="hints-heading-${language}">${escapeHtml(l10n.t('Hints'))}</h3>`,
        `<p class="muted">${escapeHtml(l10n.t('Stuck? {0} hints go from a nudge to nearly the answer, one at a time.', hints.length))}</p>`,
        `<div id="hints-${language}">${renderHints(lesson.id, language, hints, learner.hintsUsed)}</div>`,
        '</section>',
      ].join('\n')
    : '';
  return [
    `<div class="exercise-variant"${shownForEveryLanguage ? '' : ` data-for-language="${language}"`}>`,
    '<div class="actions">',
    `<button type="button" class="primary" data-action="openExercise" ${data}>${escapeHtml(l10n.t('Open my solution file'))}</button>`,
    `<button type="button" class="primary" data-action="checkSolution" ${data}>${escapeHtml(l10n.t('Check my solution'))}</button>`,
    `<button type="button" class="secondary" data-action="revealSolution" ${data}>${escapeHtml(l10n.t('Reveal reference solution'))}</button>`,
    '</div>',
    `<div class="check-results" id="check-results-${language}" role="status" aria-live="polite"><p class="muted">${escapeHtml(l10n.t('Not checked yet.'))}</p></div>`,
    hintSection,
    '</div>',
  ].join('\n');
}

/** The lesson's text with every example in place; examples without a marker follow at the end. */
export function renderLessonBody(lesson: Lesson, codeOf: CodeSource, learner?: LearnerState): string {
  const placed = new Set<string>();
  const html = renderMarkdown(lesson.markdown, {
    renderExample(id) {
      const example = lesson.examples.find((e) => e.id === id);
      if (!example)
        return `<p class="problem">${escapeHtml(l10n.t('This lesson places an example “{0}” that lesson.json does not list.', id))}</p>\n`;
      placed.add(id);
      return renderExampleBlock(lesson, example, codeOf(example)) + '\n';
    },
  });
  const rest = lesson.examples.filter((e) => !placed.has(e.id));
  const tail = rest.length
    ? `<h2>${escapeHtml(l10n.t('More examples'))}</h2>\n${rest.map((e) => renderExampleBlock(lesson, e, codeOf(e))).join('\n')}`
    : '';
  const missing = LANGUAGES.filter((l) => !lesson.examples.some((e) => e.language === l))
    .map(
      (l) =>
        `<p class="muted" data-for-language="${l}">${escapeHtml(l10n.t('This lesson has no {0} examples yet.', LANGUAGE_NAMES[l]))}</p>\n`,
    )
    .join('');
  return html + tail + missing + renderExerciseSection(lesson, learner);
}

/** The JavaScript | Python switch; the page script shows one language at a time. */
export function renderLanguageSwitch(language: Language): string {
  const buttons = LANGUAGES.map(
    (l) =>
      `<button type="button" class="secondary" data-action="setLanguage" data-language="${l}" aria-pressed="${l === language}">${LANGUAGE_NAMES[l]}</button>`,
  ).join('');
  return `<div class="language-switch" role="group" aria-label="${escapeHtml(l10n.t('Language of the examples'))}">${buttons}</div>`;
}

/** The lessons before and after this one in the course, for the buttons at the bottom. */
export interface Neighbours {
  previous?: Lesson;
  next?: Lesson;
}

export function renderLessonNav(lesson: Lesson, around: Neighbours): string {
  const button = (target: Lesson | undefined, label: string, cls: string) =>
    target
      ? `<button type="button" class="${cls}" data-action="goto" data-lesson="${escapeHtml(lesson.id)}" data-target="${escapeHtml(target.id)}">${escapeHtml(l10n.t('{0}: {1}', label, target.title))}</button>`
      : '';
  const parts = [
    button(around.previous, l10n.t('← Previous'), 'secondary'),
    button(around.next, l10n.t('Next'), 'primary'),
  ].filter(Boolean);
  return parts.length
    ? `<nav class="lesson-nav actions" aria-label="${escapeHtml(l10n.t('Lessons'))}">${parts.join('')}</nav>`
    : '';
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
