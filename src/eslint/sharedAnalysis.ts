// The engine's findings for one file as ESLint lints it, computed once and shared by the four
// rules (cached per SourceCode object). Where typescript-eslint's parser already built a
// TypeScript syntax tree, the engine runs on that tree instead of parsing again; with typed
// linting (parserServices.program) it also gets the type checker.
import type * as TS from 'typescript';
import { analyzeSourceFile, analyzeText } from '../analysis/javascript/analyze';
import { describeFailure } from '../analysis/failure';
import { blankHtmlLikeComments, isScriptGoal, type SourceType } from '../analysis/javascript/htmlLikeComments';
import { mightUseWeakApis } from '../analysis/javascript/precheck';
import { typescript } from '../analysis/javascript/tsLoader';
import type { Finding } from '../analysis/types';

/** The parts of typescript-eslint's parserServices the plugin reads. */
export interface ParserServicesLike {
  program?: TS.Program | null;
  esTreeNodeToTSNodeMap?: { get(node: object): unknown };
}

export interface SourceCodeLike {
  text: string;
  ast: object;
  parserServices?: ParserServicesLike | Record<string, unknown>;
}

export interface FileAnalysis {
  findings: Finding[];
  /** How the engine got its tree: parsed itself, or reused typescript-eslint's (with or without types). */
  source: 'parsed' | 'reused' | 'typed' | 'skipped';
  /** Why the file could not be analysed (too deep, or an engine failure): reported on the file, never silent. */
  failure?: string;
  /** Set once one rule has reported the failure or the size limit, so the file gets one such message. */
  toldWhy?: boolean;
}

const cache = new WeakMap<object, FileAnalysis>();

/**
 * typescript-eslint's tree for this file, if it is one the engine can read: made by the same
 * `typescript` module (the plugin's peer dependency; a different copy numbers its syntax kinds
 * differently) and of exactly the text ESLint lints.
 */
export function reusableSourceFile(ts: typeof TS, sourceCode: SourceCodeLike): TS.SourceFile | undefined {
  const services = sourceCode.parserServices as ParserServicesLike | undefined;
  const map = services?.esTreeNodeToTSNodeMap;
  if (!map || typeof map.get !== 'function') return undefined;
  const sf = map.get(sourceCode.ast) as TS.SourceFile | undefined;
  if (
    !sf ||
    sf.kind !== ts.SyntaxKind.SourceFile ||
    sf.endOfFileToken?.kind !== ts.SyntaxKind.EndOfFileToken ||
    sf.text !== sourceCode.text
  )
    return undefined;
  return sf;
}

function warnInternalError(filename: string, e: unknown): void {
  // Never silent, never fatal: ESLint's run goes on, and stderr says which file lost findings.
  process.emitWarning(
    `eslint-plugin-weakref: internal error on ${filename}; some findings may be missing: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
  );
}

/**
 * ESLint's sourceType as the engine's goal: "script" and "commonjs" are Script goal (espree then reads
 * `<!--` as a comment; with "module" it is a syntax error). Undefined leaves it to the file name.
 */
export function goalOf(languageOptions: unknown): SourceType | undefined {
  const options = languageOptions as
    { sourceType?: unknown; parserOptions?: { sourceType?: unknown } | null } | null | undefined;
  const sourceType = options?.sourceType ?? options?.parserOptions?.sourceType;
  if (sourceType === 'script' || sourceType === 'commonjs') return 'script';
  return sourceType === 'module' ? 'module' : undefined;
}

function compute(sourceCode: SourceCodeLike, filename: string, sourceType: SourceType | undefined): FileAnalysis {
  const text = sourceCode.text;
  if (!mightUseWeakApis(text)) return { findings: [], source: 'skipped' };
  const onInternalError = (e: unknown) => warnInternalError(filename, e);
  const ts = typescript();
  // typescript-eslint's tree reads an HTML-like comment in a Script as code: parse afresh without it.
  const holdsHtmlLikeComment = isScriptGoal(filename, sourceType) && blankHtmlLikeComments(ts, text) !== text;
  const reused = holdsHtmlLikeComment ? undefined : reusableSourceFile(ts, sourceCode);
  if (!reused) {
    const result = analyzeText(text, filename, { onInternalError, sourceType });
    return { findings: result.findings, source: 'parsed', failure: result.failure?.message };
  }
  const program = (sourceCode.parserServices as ParserServicesLike).program;
  const typeChecker =
    program && program.getSourceFile(reused.fileName) === reused ? program.getTypeChecker() : undefined;
  try {
    return {
      findings: analyzeSourceFile(reused, { typeChecker, onInternalError }),
      source: typeChecker ? 'typed' : 'reused',
    };
  } catch (e) {
    onInternalError(e);
    return { findings: [], source: typeChecker ? 'typed' : 'reused', failure: describeFailure(e).message };
  }
}

export function analyzeForEslint(sourceCode: SourceCodeLike, filename: string, sourceType?: SourceType): FileAnalysis {
  let found = cache.get(sourceCode);
  if (!found) {
    found = compute(sourceCode, filename, sourceType);
    cache.set(sourceCode, found);
  }
  return found;
}
