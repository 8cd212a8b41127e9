// Lesson markdown → HTML, with the markers read by the same parser the catalogue validates
// with (src/lessons/lessonMarkdown.ts). A language block becomes a <div> the page shows only
// while that language is chosen.
import * as l10n from '@vscode/l10n';
import type MarkdownIt from 'markdown-it';
import {
  createLessonMarkdown,
  scanLessonMarkdown,
  TOKEN_EXAMPLE,
  TOKEN_LANGUAGE_CLOSE,
  TOKEN_LANGUAGE_OPEN,
} from '../../lessons/lessonMarkdown';
import { escapeHtml } from './html';

export interface MarkdownEnv {
  /** Returns the HTML for an example marker (the caller escapes everything it puts in). */
  renderExample(id: string): string;
}

function createRenderer(): MarkdownIt {
  const md = createLessonMarkdown();
  md.renderer.rules[TOKEN_EXAMPLE] = (tokens, idx, _options, env: MarkdownEnv) =>
    env.renderExample(String((tokens[idx].meta as { id: unknown }).id));
  md.renderer.rules[TOKEN_LANGUAGE_OPEN] = (tokens, idx) =>
    `<div class="language-note" data-for-language="${escapeHtml(String((tokens[idx].meta as { language: unknown }).language))}">\n`;
  md.renderer.rules[TOKEN_LANGUAGE_CLOSE] = () => '</div>\n';
  // Fenced code keeps its language as a class (the view labels Python side notes), nothing else.
  md.renderer.rules.fence = (tokens, idx) => {
    const token = tokens[idx];
    const lang = token.info.trim().split(/\s+/)[0] ?? '';
    const cls = /^[\w-]+$/.test(lang) ? ` class="language-${escapeHtml(lang)}"` : '';
    const label = lang === 'python' ? `<span class="code-label">${escapeHtml(l10n.t('Python (not run)'))}</span>` : '';
    // tabindex: a block wider than the page scrolls, and keyboard users must reach it to scroll it.
    return `<div class="code-block">${label}<pre tabindex="0"><code${cls}>${escapeHtml(token.content)}</code></pre></div>\n`;
  };
  return md;
}

const renderer = createRenderer();

export function renderMarkdown(markdown: string, env: MarkdownEnv): string {
  // Unbalanced language blocks never get here: the catalogue refuses such a lesson.
  return renderer.render(markdown, env);
}

/** The example ids the renderer will treat as markers, in order. */
export function markerIds(markdown: string): string[] {
  return scanLessonMarkdown(markdown).examples.map((m) => m.id);
}

/** One line of inline markdown (code spans, emphasis) with raw HTML kept as text, e.g. a hint. */
export function renderInlineMarkdown(text: string): string {
  return renderer.renderInline(text);
}
