// The one parser of lesson.md's markers, used by the catalogue (to validate) and by the lesson
// page (to render), so a lesson that passes the check is shown the way the check saw it.
// Markers are HTML comments alone on a line, read by markdown-it block rules: a marker inside a
// fenced or indented code block stays text.
//   <!-- example: <id> -->       where an example appears
//   <!-- language: python -->    prose from here on is shown only when Python is chosen...
//   <!-- end language -->        ...up to here
import MarkdownIt from 'markdown-it';
import { isLanguage, LANGUAGES, type Language } from './types';

const EXAMPLE_LINE = /^<!--\s*example:\s*(\S+?)\s*-->\s*$/;
const LANGUAGE_LINE = /^<!--\s*language:\s*(\S+?)\s*-->\s*$/;
const END_LANGUAGE_LINE = /^<!--\s*end\s+language\s*-->\s*$/;

export const TOKEN_EXAMPLE = 'lesson_example';
export const TOKEN_LANGUAGE_OPEN = 'lesson_language_open';
export const TOKEN_LANGUAGE_CLOSE = 'lesson_language_close';

type BlockRule = (state: MarkdownIt.StateBlock, startLine: number, endLine: number, silent: boolean) => boolean;

function markerRule(pattern: RegExp, tokenType: string, meta: (m: RegExpExecArray) => Record<string, string>): BlockRule {
  return (state, startLine, _endLine, silent) => {
    // Indented four spaces or more it is an indented code block, not a marker.
    if (state.sCount[startLine] - state.blkIndent >= 4) return false;
    const line = state.src.slice(state.bMarks[startLine] + state.tShift[startLine], state.eMarks[startLine]);
    const m = pattern.exec(line);
    if (!m) return false;
    if (silent) return true;
    const token = state.push(tokenType, '', 0);
    token.meta = meta(m);
    token.map = [startLine, startLine + 1];
    token.block = true;
    state.line = startLine + 1;
    return true;
  };
}

/** A markdown-it that knows the lesson markers; the page adds its renderers to its own instance. */
export function createLessonMarkdown(): MarkdownIt {
  // html: false: lesson text is data, and raw HTML in it would run inside the webview.
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  // alt: a marker line ends a paragraph or list item it follows directly.
  const alt = { alt: ['paragraph', 'reference', 'blockquote', 'list'] };
  md.block.ruler.before('paragraph', TOKEN_EXAMPLE, markerRule(EXAMPLE_LINE, TOKEN_EXAMPLE, (m) => ({ id: m[1] })), alt);
  md.block.ruler.before('paragraph', TOKEN_LANGUAGE_OPEN, markerRule(LANGUAGE_LINE, TOKEN_LANGUAGE_OPEN, (m) => ({ language: m[1] })), alt);
  md.block.ruler.before('paragraph', TOKEN_LANGUAGE_CLOSE, markerRule(END_LANGUAGE_LINE, TOKEN_LANGUAGE_CLOSE, () => ({})), alt);
  return md;
}

export interface ExampleMarker {
  id: string;
  /** 1-based line of the marker. */
  line: number;
  /** The language block the marker sits in, if any. */
  language?: Language;
}

export interface LessonMarkers {
  examples: ExampleMarker[];
  /** What is wrong with the language blocks (unknown language, unbalanced, nested, inside a list). */
  problems: string[];
}

const parser = createLessonMarkdown();

/** Every marker of a lesson text, in order, with its language block. */
export function scanLessonMarkdown(markdown: string): LessonMarkers {
  const examples: ExampleMarker[] = [];
  const problems: string[] = [];
  let open: { language: string; line: number } | undefined;
  for (const token of parser.parse(markdown, {})) {
    const line = (token.map?.[0] ?? 0) + 1;
    if (token.type === TOKEN_EXAMPLE) {
      examples.push({ id: String((token.meta as { id: unknown }).id), line, language: open && isLanguage(open.language) ? open.language : undefined });
    } else if (token.type === TOKEN_LANGUAGE_OPEN || token.type === TOKEN_LANGUAGE_CLOSE) {
      // The page wraps a block in one <div>; inside a list or quote that div would cut the list.
      if (token.level !== 0) problems.push(`line ${line}: a language marker must not be inside a list or quote`);
      if (token.type === TOKEN_LANGUAGE_OPEN) {
        const language = String((token.meta as { language: unknown }).language);
        if (!isLanguage(language)) problems.push(`line ${line}: unknown language "${language}"; known: ${LANGUAGES.join(', ')}`);
        if (open) problems.push(`line ${line}: <!-- language: ${language} --> inside the block opened on line ${open.line}; close it first with <!-- end language -->`);
        open = { language, line };
      } else {
        if (!open) problems.push(`line ${line}: <!-- end language --> without an open <!-- language: … -->`);
        open = undefined;
      }
    }
  }
  if (open) problems.push(`line ${open.line}: <!-- language: ${open.language} --> is never closed with <!-- end language -->`);
  return { examples, problems };
}
