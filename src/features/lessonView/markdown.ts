// Lesson markdown → HTML. An example marker line becomes a block token through a markdown-it
// block rule, so a marker inside a fenced code block stays text (pre-splitting the source
// on the marker would cut such a block in two).
import MarkdownIt from 'markdown-it';
import { escapeHtml } from './html';

const MARKER_LINE = /^<!--\s*example:\s*(\S+?)\s*-->\s*$/;

export interface MarkdownEnv {
  /** Returns the HTML for an example marker (the caller escapes everything it puts in). */
  renderExample(id: string): string;
}

function exampleMarkerRule(state: MarkdownIt.StateBlock, startLine: number, _endLine: number, silent: boolean): boolean {
  // Indented four spaces or more it is an indented code block, not a marker.
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  const line = state.src.slice(state.bMarks[startLine] + state.tShift[startLine], state.eMarks[startLine]);
  const m = MARKER_LINE.exec(line);
  if (!m) return false;
  if (silent) return true;
  const token = state.push('lesson_example', '', 0);
  token.meta = { id: m[1] };
  token.map = [startLine, startLine + 1];
  token.block = true;
  state.line = startLine + 1;
  return true;
}

function createRenderer(): MarkdownIt {
  // html: false: lesson text is data, and raw HTML in it would run inside the webview.
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  // alt: a marker line ends a paragraph or list item it follows directly.
  md.block.ruler.before('paragraph', 'lesson_example', exampleMarkerRule, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
  md.renderer.rules.lesson_example = (tokens, idx, _options, env: MarkdownEnv) => env.renderExample(String(tokens[idx].meta.id));
  // Fenced code keeps its language as a class (the view labels Python side notes), nothing else.
  md.renderer.rules.fence = (tokens, idx) => {
    const token = tokens[idx];
    const lang = token.info.trim().split(/\s+/)[0] ?? '';
    const cls = /^[\w-]+$/.test(lang) ? ` class="language-${escapeHtml(lang)}"` : '';
    const label = lang === 'python' ? '<span class="code-label">Python (not run)</span>' : '';
    // tabindex: a block wider than the page scrolls, and keyboard users must reach it to scroll it.
    return `<div class="code-block">${label}<pre tabindex="0"><code${cls}>${escapeHtml(token.content)}</code></pre></div>\n`;
  };
  return md;
}

const renderer = createRenderer();

export function renderMarkdown(markdown: string, env: MarkdownEnv): string {
  return renderer.render(markdown, env);
}

/** The example ids the renderer will treat as markers, in order. */
export function markerIds(markdown: string): string[] {
  const ids: string[] = [];
  renderer.render(markdown, { renderExample: (id: string) => (ids.push(id), '') });
  return ids;
}

/** One line of inline markdown (code spans, emphasis) with raw HTML kept as text, e.g. a hint. */
export function renderInlineMarkdown(text: string): string {
  return renderer.renderInline(text);
}
