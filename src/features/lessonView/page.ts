// The lesson view's HTML, built from catalogue data only. vscode-free so it is unit-tested;
// the adapter supplies the webview-specific strings (CSP source, resource URIs, nonce).
import { randomBytes } from 'crypto';
import * as l10n from '@vscode/l10n';
import { exerciseLanguages, exerciseVariant, type ExerciseVariant } from '../../exercises/variant';
import { LANGUAGE_NAMES, LANGUAGES, type Language, type Lesson, type LessonExample } from '../../lessons/types';
import { renderHints } from './hints';
import { element, escapeHtml } from './html';
import { renderCompletion } from './completion';
import type { LessonCompletion } from '../../lessons/progress';
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

/** What the page shows of an example beside its code. */
export interface ExampleState {
  /** The learner has edited their copy: Run runs that copy, not the code shown. */
  edited: boolean;
  /** Something is running, so Stop has something to stop. */
  running: boolean;
}

function exampleButtons(lesson: Lesson, example: LessonExample, state: ExampleState): string {
  // Every button's accessible name says which example it acts on (it starts with the visible
  // word, so speech input still finds "Run").
  const button = (action: string, cls: string, verb: string, title: string, disabled = false) =>
    element(
      'button',
      {
        type: 'button',
        class: cls,
        'data-action': action,
        'data-lesson': lesson.id,
        'data-example': example.id,
        'aria-label': l10n.t('{0}: {1}', verb, example.title),
        title,
        disabled,
      },
      escapeHtml(verb),
    );
  return [
    button(
      'run',
      'primary',
      l10n.t('Run'),
      state.edited
        ? l10n.t('Run your edited copy in the Weak References terminal with {0}', RUN_WITH[example.language])
        : l10n.t('Run in the Weak References terminal with {0}', RUN_WITH[example.language]),
    ),
    button(
      'stop',
      'secondary',
      l10n.t('Stop'),
      l10n.t('Stop the example that is running, and everything it started'),
      !state.running,
    ),
    button(
      'memory',
      'secondary',
      l10n.t('Memory view'),
      l10n.t('Run it and show which weak targets stay alive, and what holds them'),
    ),
    button('open', 'secondary', l10n.t('Open'), l10n.t('Open an editable copy')),
    example.chart
      ? button('chart', 'secondary', l10n.t('Measure and chart'), l10n.t('Run it and draw the measurements'))
      : '',
  ].join('');
}

/** Shown while the learner's edited copy is what Run runs; the page script shows and hides it. */
function editedCopyNote(lesson: Lesson, example: LessonExample, edited: boolean): string {
  return element(
    'p',
    { class: 'edited-copy', 'data-edited-for': example.id, hidden: !edited },
    escapeHtml(l10n.t('Run runs your edited copy, not the code shown here.')),
    ' ',
    element(
      'button',
      {
        type: 'button',
        class: 'secondary',
        'data-action': 'restore',
        'data-lesson': lesson.id,
        'data-example': example.id,
        'aria-label': l10n.t('{0}: {1}', l10n.t('Restore original'), example.title),
      },
      escapeHtml(l10n.t('Restore original')),
    ),
  );
}

function exampleCode(example: LessonExample, source: ReturnType<CodeSource>): string {
  if (!('code' in source))
    return element(
      'p',
      { class: 'problem' },
      escapeHtml(l10n.t('Could not read {0}: {1}', example.relativeFile, source.error)),
    );
  // tabindex: a code block wider than the page scrolls, and keyboard users must reach it to scroll it.
  return element(
    'pre',
    { class: 'example-code', tabindex: 0 },
    element('code', { class: CODE_CLASS[example.language] }, escapeHtml(source.code)),
  );
}

function expectedOutput(example: LessonExample): string {
  const output = example.expectedOutput
    ? element('pre', { class: 'example-output', tabindex: 0 }, escapeHtml(example.expectedOutput))
    : element('p', { class: 'muted' }, escapeHtml(l10n.t('(prints nothing)')));
  // The error type is code; it goes in after the text is escaped, so a translation cannot inject markup.
  const failure = example.expectFailure
    ? element(
        'p',
        { class: 'expect-failure' },
        escapeHtml(
          l10n.t(
            'Ends with an uncaught {0} whose message includes “{1}”.',
            '\u0000',
            example.expectFailure.messageIncludes,
          ),
        ).replace('\u0000', element('code', {}, escapeHtml(example.expectFailure.errorType))),
      )
    : '';
  return element(
    'div',
    { class: 'expected' },
    element('div', { class: 'label' }, escapeHtml(l10n.t('Expected output'))),
    output,
    failure,
  );
}

export function renderExampleBlock(
  lesson: Lesson,
  example: LessonExample,
  source: ReturnType<CodeSource>,
  state: ExampleState = { edited: false, running: false },
): string {
  const badges = [
    example.gcDependent
      ? element('span', { class: 'badge', title: l10n.t('The output depends on garbage collection') }, 'GC')
      : '',
    example.expectFailure ? element('span', { class: 'badge warning' }, escapeHtml(l10n.t('throws on purpose'))) : '',
  ].join('');
  const header = element(
    'header',
    { class: 'example-header' },
    element('h3', {}, escapeHtml(example.title)),
    badges,
    element('span', { class: 'file' }, escapeHtml(example.relativeFile)),
  );
  const chart = example.chart
    ? element('div', { class: 'chart', 'data-chart-for': example.id, role: 'status', 'aria-live': 'polite' })
    : '';
  return element(
    'section',
    { class: 'example', id: `example-${example.id}`, 'data-for-language': example.language },
    [
      header,
      exampleCode(example, source),
      editedCopyNote(lesson, example, state.edited),
      element('div', { class: 'actions' }, exampleButtons(lesson, example, state)),
      expectedOutput(example),
      chart,
    ].join('\n'),
  );
}

/** What the page shows of the learner's own state. */
export interface LearnerState {
  /** Hints of this lesson's exercise already revealed. */
  hintsUsed: number;
  /** Examples whose copy the learner has edited (Run runs the copy). */
  editedExamples?: readonly string[];
  /** A run is going on (Stop is enabled). */
  running?: boolean;
  /** How far the learner is towards completing the lesson, and what completes it. */
  completion?: LessonCompletion;
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
  const notes = LANGUAGES.filter((l) => !languages.includes(l)).map((l) =>
    element(
      'p',
      { class: 'muted', 'data-for-language': l },
      escapeHtml(
        l10n.t(
          'This exercise has no {0} version yet; here is the {1} one.',
          LANGUAGE_NAMES[l],
          LANGUAGE_NAMES[languages[0]],
        ),
      ),
    ),
  );
  const intro = l10n.t(
    'Open the starter file, make it meet every requirement, then check it. Your file is kept between sessions; checking never changes it.',
  );
  return element(
    'section',
    { class: 'exercise', id: 'exercise', 'aria-labelledby': 'exercise-heading' },
    [
      element('h2', { id: 'exercise-heading' }, escapeHtml(l10n.t('Exercise'))),
      element('p', {}, escapeHtml(intro)),
      ...notes,
      ...blocks,
    ].join('\n'),
  );
}

function renderHintSection(lesson: Lesson, variant: ExerciseVariant, learner: LearnerState): string {
  const { language, hints } = variant;
  if (!hints.length) return '';
  return element(
    'section',
    { class: 'hints', 'aria-labelledby': `hints-heading-${language}` },
    element('h3', { id: `hints-heading-${language}` }, escapeHtml(l10n.t('Hints'))),
    element(
      'p',
      { class: 'muted' },
      escapeHtml(l10n.t('Stuck? {0} hints go from a nudge to nearly the answer, one at a time.', hints.length)),
    ),
    element('div', { id: `hints-${language}` }, renderHints(lesson.id, language, hints, learner.hintsUsed)),
  );
}

/** The buttons, results and hints of one language's version; every button says which language it acts on. */
function renderExerciseVariant(
  lesson: Lesson,
  variant: ExerciseVariant,
  learner: LearnerState,
  shownForEveryLanguage: boolean,
): string {
  const language = variant.language;
  const button = (action: string, cls: string, label: string) =>
    element(
      'button',
      { type: 'button', class: cls, 'data-action': action, 'data-lesson': lesson.id, 'data-language': language },
      escapeHtml(label),
    );
  return element(
    'div',
    { class: 'exercise-variant', 'data-for-language': shownForEveryLanguage ? undefined : language },
    element(
      'div',
      { class: 'actions' },
      button('openExercise', 'primary', l10n.t('Open my solution file')),
      button('checkSolution', 'primary', l10n.t('Check my solution')),
      button('revealSolution', 'secondary', l10n.t('Reveal reference solution')),
    ),
    element(
      'div',
      { class: 'check-results', id: `check-results-${language}`, role: 'status', 'aria-live': 'polite' },
      element('p', { class: 'muted' }, escapeHtml(l10n.t('Not checked yet.'))),
    ),
    renderHintSection(lesson, variant, learner),
  );
}

/** The lesson's text with every example in place; examples without a marker follow at the end. */
export function renderLessonBody(lesson: Lesson, codeOf: CodeSource, learner?: LearnerState): string {
  const placed = new Set<string>();
  const block = (e: LessonExample) =>
    renderExampleBlock(lesson, e, codeOf(e), {
      edited: learner?.editedExamples?.includes(e.id) ?? false,
      running: learner?.running ?? false,
    });
  const html = renderMarkdown(lesson.markdown, {
    renderExample(id) {
      const example = lesson.examples.find((e) => e.id === id);
      if (!example) {
        const problem = l10n.t('This lesson places an example “{0}” that lesson.json does not list.', id);
        return element('p', { class: 'problem' }, escapeHtml(problem)) + '\n';
      }
      placed.add(id);
      return block(example) + '\n';
    },
  });
  const rest = lesson.examples.filter((e) => !placed.has(e.id));
  const tail = rest.length
    ? `${element('h2', {}, escapeHtml(l10n.t('More examples')))}\n${rest.map(block).join('\n')}`
    : '';
  const missing = LANGUAGES.filter((l) => !lesson.examples.some((e) => e.language === l))
    .map((l) =>
      element(
        'p',
        { class: 'muted', 'data-for-language': l },
        escapeHtml(l10n.t('This lesson has no {0} examples yet.', LANGUAGE_NAMES[l])),
      ),
    )
    .join('\n');
  return html + tail + missing + renderExerciseSection(lesson, learner);
}

/** The JavaScript | Python switch; the page script shows one language at a time. */
export function renderLanguageSwitch(language: Language): string {
  const buttons = LANGUAGES.map((l) =>
    element(
      'button',
      {
        type: 'button',
        class: 'secondary',
        'data-action': 'setLanguage',
        'data-language': l,
        'aria-pressed': String(l === language),
      },
      LANGUAGE_NAMES[l],
    ),
  );
  return element(
    'div',
    { class: 'language-switch', role: 'group', 'aria-label': l10n.t('Language of the examples') },
    ...buttons,
  );
}

/** The subtitle: Python learners see the lesson's Python summary where it has one. */
export function renderSummary(lesson: Lesson): string {
  if (!lesson.summary) return '';
  if (!lesson.pythonSummary) return element('p', { class: 'summary' }, escapeHtml(lesson.summary));
  return [
    element('p', { class: 'summary', 'data-for-language': 'javascript' }, escapeHtml(lesson.summary)),
    element('p', { class: 'summary', 'data-for-language': 'python' }, escapeHtml(lesson.pythonSummary)),
  ].join('\n');
}

/** The lessons before and after this one in the course, for the buttons at the bottom. */
export interface Neighbours {
  previous?: Lesson;
  next?: Lesson;
}

export function renderLessonNav(lesson: Lesson, around: Neighbours): string {
  const button = (target: Lesson | undefined, label: string, cls: string) =>
    target
      ? element(
          'button',
          { type: 'button', class: cls, 'data-action': 'goto', 'data-lesson': lesson.id, 'data-target': target.id },
          escapeHtml(l10n.t('{0}: {1}', label, target.title)),
        )
      : '';
  const parts = [
    button(around.previous, l10n.t('← Previous'), 'secondary'),
    button(around.next, l10n.t('Next'), 'primary'),
  ].filter(Boolean);
  return parts.length ? element('nav', { class: 'lesson-nav actions', 'aria-label': l10n.t('Lessons') }, ...parts) : '';
}

export function renderLessonPage(
  lesson: Lesson,
  codeOf: CodeSource,
  res: PageResources,
  around: Neighbours = {},
  language: Language = 'javascript',
  learner?: LearnerState,
): string {
  const head = [
    '<meta charset="UTF-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(res.cspSource, res.nonce))}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1.0">',
    `<link rel="stylesheet" href="${escapeHtml(res.styleUri)}">`,
    element('title', {}, escapeHtml(lesson.title)),
  ];
  const completion = learner?.completion
    ? element('div', { id: 'completion', role: 'status' }, renderCompletion(learner.completion))
    : '';
  const main = element(
    'main',
    { class: 'lesson' },
    [
      element('h1', {}, escapeHtml(lesson.title)),
      renderSummary(lesson),
      completion,
      renderLanguageSwitch(language),
      renderLessonBody(lesson, codeOf, learner),
      renderLessonNav(lesson, around),
    ].join('\n'),
  );
  const body = element(
    'body',
    { 'data-lesson': lesson.id, 'data-language': language },
    main,
    '\n',
    element('script', { nonce: res.nonce, src: res.scriptUri }),
  );
  return `<!DOCTYPE html>\n<html lang="en">\n<head>\n${head.join('\n')}\n</head>\n${body}\n</html>`;
}
