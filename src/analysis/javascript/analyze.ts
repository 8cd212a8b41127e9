// analyze(text, fileName) -> Finding[]: parse, run every rule over the calls and `new`s,
// apply suppression comments and severity settings. Never throws. analyzeText() also says
// when the text could not be analysed, so that no caller mistakes a failure for a clean file.
import type * as TS from 'typescript';
import { describeFailure, isStackOverflow, reportError } from '../failure';
import { toFindings, type LocatedReport } from '../findings';
import { titledFix } from '../rule';
import { checksFor, type RuleMessage } from '../ruleMeta';
import type { AnalysisFailure, AnalysisResult, AnalyzeOptions, Finding, TextChange } from '../types';
import type { CallOrNew, FileContext, JavaScriptCheck, JavaScriptHandlers, Report, RuleContext } from './context';
import { blankHtmlLikeComments, isScriptGoal, mayHaveHtmlLikeComment, type SourceType } from './htmlLikeComments';
import { mightUseWeakApis } from './precheck';
import { Scopes } from './scope';
import { readSuppressions } from './suppressionComments';
import { typescript } from './tsLoader';
import { Values } from './values';

/**
 * A check file's extension where it is loaded: none for tsc's output, `.ts` in a bundle, where esbuild
 * (told so by esbuild.mjs) bundles every file that the require below could name.
 */
declare const CHECK_EXTENSION: string | undefined;
const checkExtension = typeof CHECK_EXTENSION === 'string' ? CHECK_EXTENSION : '';

/** Every JavaScript rule's check, in the order of the list of rules (../rules/index.ts), from its folder. */
export const JAVASCRIPT_CHECKS: readonly JavaScriptCheck[] = checksFor<JavaScriptCheck>(
  'javascript',
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (id) => (require(`../rules/${id}/javascript${checkExtension}`) as { javascript?: JavaScriptCheck }).javascript,
);
/** Methods through which a value reaches a weak API (and `Reflect.construct`): any other call is skipped. */
const CALLED_METHODS = new Set(['deref', 'add', 'set', 'get', 'has', 'delete', 'register', 'unregister', 'construct']);

export function scriptKind(ts: typeof TS, fileName: string): TS.ScriptKind {
  const ext = /\.[^./\\]+$/.exec(fileName)?.[0].toLowerCase() ?? '';
  switch (ext) {
    case '.ts':
    case '.mts':
    case '.cts':
      return ts.ScriptKind.TS;
    case '.tsx':
      return ts.ScriptKind.TSX;
    case '.jsx':
      return ts.ScriptKind.JSX;
    default:
      return ts.ScriptKind.JS;
  }
}

export function parse(text: string, fileName: string, sourceType?: SourceType): TS.SourceFile {
  const ts = typescript();
  const parsed = isScriptGoal(fileName, sourceType) ? blankHtmlLikeComments(ts, text) : text;
  // Parent pointers are set by analyzeSourceFile's own walk: doing it here would walk twice.
  return ts.createSourceFile(fileName, parsed, ts.ScriptTarget.Latest, false, scriptKind(ts, fileName));
}

/** Runs the rules over a parsed file. */
export function analyzeSourceFile(sf: TS.SourceFile, options?: AnalyzeOptions): Finding[] {
  const ts = typescript();
  const reports: (Report & RuleMessage)[] = [];
  const scopes = new Scopes(sf);
  const file: FileContext = {
    ts,
    sourceFile: sf,
    text: sf.text,
    scopes,
    values: new Values(scopes),
    checker: options?.typeChecker,
  };
  const enabled = JAVASCRIPT_CHECKS.filter((c) => options?.rules?.[c.definition.id] !== 'off');
  const handlers = createHandlers(enabled, file, reports, options);
  runHandlers(handlers, linkParentsAndFindCandidates(ts, sf), options);
  return toFindings(locate(reports, sf), readSuppressions(ts, sf), positionIn(sf), options);
}

/** Each check's context, bound to its rule, and the handlers its create() returns for this file. */
function createHandlers(
  checks: readonly JavaScriptCheck[],
  file: FileContext,
  reports: (Report & RuleMessage)[],
  options: AnalyzeOptions | undefined,
): JavaScriptHandlers[] {
  return checks.flatMap((check) => {
    const { definition } = check;
    const context: RuleContext = {
      ...file,
      report: (r) => reports.push({ ...r, rule: definition.id } as Report & RuleMessage),
      fix: (messageId, edits, data = {}) => titledFix(definition, messageId, data, edits),
    };
    try {
      return [check.create(context)];
    } catch (e) {
      if (isStackOverflow(e)) throw e;
      reportError(options, e);
      return [];
    }
  });
}

type Candidate = CallOrNew;

/**
 * One walk sets every parent pointer (the parser was told not to) and collects the calls and
 * `new`s that could touch a weak API; the rules then look only at those. An explicit stack and
 * one shared callback: no closure per node, no deep recursion.
 */
function linkParentsAndFindCandidates(ts: typeof TS, sf: TS.SourceFile): Candidate[] {
  const candidates: Candidate[] = [];
  const S = ts.SyntaxKind;
  const stack: TS.Node[] = [sf];
  let current: TS.Node = sf;
  const push = (child: TS.Node) => {
    (child as { parent: TS.Node }).parent = current;
    stack.push(child);
  };
  while (stack.length > 0) {
    const node = stack.pop()!;
    const kind = node.kind;
    if (kind === S.CallExpression) {
      const callee = (node as TS.CallExpression).expression;
      if (
        callee.kind === S.PropertyAccessExpression &&
        CALLED_METHODS.has((callee as TS.PropertyAccessExpression).name.text)
      )
        candidates.push(node as TS.CallExpression);
    } else if (kind === S.NewExpression) {
      // Any constructor may be an alias of a weak one (`const W = WeakRef; new W(o)`).
      const callee = (node as TS.NewExpression).expression.kind;
      if (callee === S.Identifier || callee === S.PropertyAccessExpression) candidates.push(node as TS.NewExpression);
    }
    current = node;
    ts.forEachChild(node, push);
  }
  return candidates;
}

function runHandlers(handlers: readonly JavaScriptHandlers[], candidates: Candidate[], options?: AnalyzeOptions): void {
  for (const node of candidates) {
    for (const h of handlers) {
      try {
        h.call?.(node);
      } catch (e) {
        // Nesting too deep for a rule is the same failure as for the parser: the whole file
        // is reported as not analysed rather than quietly losing this finding.
        if (isStackOverflow(e)) throw e;
        // One rule failing on one node costs that finding, not the file.
        reportError(options, e);
      }
    }
  }
}

/** Each report's offsets: a report about a node spans the node's own text (not its leading trivia). */
function locate(reports: (Report & RuleMessage)[], sf: TS.SourceFile): LocatedReport[] {
  return reports.map((r) => {
    const start = r.node ? r.node.getStart(sf) : (r.start ?? 0);
    return { ...r, start, end: r.node ? r.node.end : (r.end ?? start) };
  });
}

function positionIn(sf: TS.SourceFile) {
  return (offset: number) => {
    const lc = sf.getLineAndCharacterOfPosition(offset);
    return { line: lc.line, character: lc.character };
  };
}

/** The findings, or why the text could not be analysed (a too-deep file, or a bug): never throws. */
export function analyzeText(text: string, fileName: string, options?: AnalyzeOptions): AnalysisResult {
  try {
    if (!mightUseWeakApis(text)) return { findings: [] };
    return { findings: analyzeSourceFile(parse(text, fileName, options?.sourceType), options) };
  } catch (e) {
    reportError(options, e);
    return { findings: [], failure: describeFailure(e) };
  }
}

/** Only the findings; a text that could not be analysed gives none (and onInternalError hears why). */
export function analyze(text: string, fileName: string, options?: AnalyzeOptions): Finding[] {
  return analyzeText(text, fileName, options).findings;
}

/** Keeps the last parse of a document so that an edit re-parses only what changed. */
export interface DocumentAnalyzer {
  update(text: string, changes?: TextChange[], options?: AnalyzeOptions): Finding[];
  /** Why the last update could not analyse its text (its findings are then empty); undefined after a success. */
  readonly failure: AnalysisFailure | undefined;
}

export function createDocumentAnalyzer(fileName: string): DocumentAnalyzer {
  let previous: TS.SourceFile | undefined;
  let failure: AnalysisFailure | undefined;
  return {
    get failure() {
      return failure;
    },
    update(text, changes, options) {
      failure = undefined;
      try {
        if (!mightUseWeakApis(text)) {
          previous = undefined;
          return [];
        }
        previous = (previous && reparsed(previous, text, changes)) ?? parse(text, fileName);
        return analyzeSourceFile(previous, options);
      } catch (e) {
        previous = undefined;
        reportError(options, e);
        failure = describeFailure(e);
        return [];
      }
    },
  };
}

/** The previous parse updated by the one edit that turns its text into `text`; undefined when there is no such edit. */
function reparsed(previous: TS.SourceFile, text: string, changes: TextChange[] | undefined): TS.SourceFile | undefined {
  if (!changes || changes.length !== 1) return undefined;
  const c = changes[0];
  const old = previous.text;
  // An HTML-like comment blanked before (then `old` differs from the document) or added by this edit: parse whole.
  if (isScriptGoal(previous.fileName) && mayHaveHtmlLikeComment(text)) return undefined;
  // Only trust the change when it really turns the old text into the new one.
  if (
    c.start < 0 ||
    c.end < c.start ||
    c.end > old.length ||
    old.length - (c.end - c.start) + c.newText.length !== text.length ||
    old.slice(0, c.start) + c.newText + old.slice(c.end) !== text
  )
    return undefined;
  return typescript().updateSourceFile(previous, text, {
    span: { start: c.start, length: c.end - c.start },
    newLength: c.newText.length,
  });
}
