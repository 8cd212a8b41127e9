// HTML-like comments (ECMAScript Annex B.1.1): in Script-goal code, `<!--` starts a comment that
// runs to the end of its line, and so does `-->` when only whitespace or comments precede it on
// its line. TypeScript's parser reads both as operators, so the engine would lint code that never
// runs. Before parsing a Script, each such comment is replaced by spaces: offsets and line breaks
// stay where they were, so every range the engine reports is exact.
import type * as TS from 'typescript';

export type SourceType = 'script' | 'module';

/** Without either marker there is nothing to blank (and an edit cannot add or remove such a comment). */
export function mayHaveHtmlLikeComment(text: string): boolean {
  return text.includes('<!--') || text.includes('-->');
}

/**
 * Whether the file is Script goal. TypeScript files never are (tsc reads `<!--` as operators) and
 * `.mjs` is a module. Every other JavaScript file counts as a Script, `.js` included whatever its
 * package.json says: V8 rejects an HTML-like comment in a module ("HTML comments are not allowed in
 * modules"), so a module holding one never runs and blanking it cannot hide code that would.
 * `sourceType` (ESLint's languageOptions) overrides the file name for JavaScript files.
 */
export function isScriptGoal(fileName: string, sourceType?: SourceType): boolean {
  const ext = /\.[^./\\]+$/.exec(fileName)?.[0].toLowerCase() ?? '';
  if (/^\.[cm]?tsx?$/.test(ext)) return false;
  if (sourceType) return sourceType === 'script';
  return ext !== '.mjs';
}

/** `text` with every HTML-like comment replaced by spaces; `text` itself when it has none. */
export function blankHtmlLikeComments(ts: typeof TS, text: string): string {
  if (!mayHaveHtmlLikeComment(text)) return text;
  const spans = findHtmlLikeComments(ts, text);
  if (spans.length === 0) return text;
  let out = '';
  let at = 0;
  for (const [start, end] of spans) {
    out += text.slice(at, start) + ' '.repeat(end - start);
    at = end;
  }
  return out + text.slice(at);
}

const LINE_BREAK = /[\n\r\u2028\u2029]/;

function lineEnd(text: string, from: number): number {
  const m = LINE_BREAK.exec(text.slice(from));
  return m ? from + m.index : text.length;
}

/**
 * Each HTML-like comment as [start, end), end before its line break. TypeScript's own scanner
 * walks the tokens so that strings, templates, regular expressions and ordinary comments are
 * skipped whole; like any tokenizer without a parser, it guesses whether a `/` starts a regular
 * expression from the token before it.
 */
function findHtmlLikeComments(ts: typeof TS, text: string): [number, number][] {
  const S = ts.SyntaxKind;
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, text);
  const spans: [number, number][] = [];
  // Only whitespace or comments since the start of the text or the last line break.
  let lineStart = true;
  let regexAllowed = true;
  // For each template substitution `${` still open, how many `{` inside it are open.
  const braces: number[] = [];
  for (let kind = scanner.scan(); kind !== S.EndOfFileToken; kind = scanner.scan()) {
    const start = scanner.getTokenStart();
    if (kind === S.NewLineTrivia) {
      lineStart = true;
      continue;
    }
    if (kind === S.MultiLineCommentTrivia) {
      if (LINE_BREAK.test(scanner.getTokenText())) lineStart = true;
      continue;
    }
    if (
      kind === S.WhitespaceTrivia ||
      kind === S.SingleLineCommentTrivia ||
      kind === S.ShebangTrivia ||
      kind === S.ConflictMarkerTrivia
    )
      continue;
    if (
      (kind === S.LessThanToken && text.startsWith('!--', start + 1)) ||
      (kind === S.MinusMinusToken && lineStart && text[start + 2] === '>')
    ) {
      const end = lineEnd(text, start);
      spans.push([start, end]);
      scanner.resetTokenState(end);
      continue;
    }
    lineStart = false;
    const top = braces.length - 1;
    if ((kind === S.SlashToken || kind === S.SlashEqualsToken) && regexAllowed) kind = scanner.reScanSlashToken();
    else if (kind === S.TemplateHead) braces.push(0);
    else if (kind === S.OpenBraceToken && top >= 0) braces[top]++;
    else if (kind === S.CloseBraceToken && top >= 0) {
      if (braces[top] > 0) braces[top]--;
      else {
        // The `}` closes a substitution: a TemplateMiddle opens the next one at the same level.
        kind = scanner.reScanTemplateToken(false);
        if (kind === S.TemplateTail) braces.pop();
      }
    }
    regexAllowed = !operandEnds(ts).has(kind);
  }
  return spans;
}

let endsOperand: Set<TS.SyntaxKind> | undefined;

/** Tokens after which a `/` divides: the end of an operand. After anything else it starts a regular expression. */
function operandEnds(ts: typeof TS): Set<TS.SyntaxKind> {
  if (endsOperand) return endsOperand;
  const S = ts.SyntaxKind;
  const startsExpression = new Set<TS.SyntaxKind>([
    S.ReturnKeyword,
    S.TypeOfKeyword,
    S.InstanceOfKeyword,
    S.InKeyword,
    S.NewKeyword,
    S.DeleteKeyword,
    S.VoidKeyword,
    S.ThrowKeyword,
    S.CaseKeyword,
    S.DoKeyword,
    S.ElseKeyword,
    S.ExtendsKeyword,
    S.YieldKeyword,
    S.AwaitKeyword,
  ]);
  endsOperand = new Set<TS.SyntaxKind>([
    S.Identifier,
    S.PrivateIdentifier,
    S.NumericLiteral,
    S.BigIntLiteral,
    S.StringLiteral,
    S.RegularExpressionLiteral,
    S.NoSubstitutionTemplateLiteral,
    S.TemplateTail,
    S.CloseParenToken,
    S.CloseBracketToken,
    S.PlusPlusToken,
    S.MinusMinusToken,
  ]);
  // Any other keyword may be an identifier here (`of`, `get`, `type`, ...) or a value (`this`, `null`).
  for (let k = S.FirstKeyword; k <= S.LastKeyword; k++) if (!startsExpression.has(k)) endsOperand.add(k);
  return endsOperand;
}
