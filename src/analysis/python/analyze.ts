// analyzePython(text) -> Finding[]: the Python front end. Same Finding shape, severities and
// rule ids as the JavaScript engine (../analyze.ts), plus weak-key-held-by-value. Never throws.
import { describeFailure, isStackOverflow, reportError } from '../failure';
import { toFindings } from '../findings';
import type { AnalysisResult, AnalyzeOptions, Finding, Position } from '../types';
import { titledFix } from '../rule';
import { checksFor, type RuleMessage } from '../ruleMeta';
import type { PyContext, PyFileContext, PyReport, PythonCheck } from './context';
import { Guards } from './guards';
import { Model } from './model';
import { mightUsePythonWeakrefs } from './precheck';
import { Scopes } from './scope';
import { collectSites } from './sites';
import { readPythonSuppressions } from './suppressionComments';
import { parsePython, walk, type PyNode } from './tree';

/**
 * A check file's extension where it is loaded: none for tsc's output, `.ts` in a bundle, where esbuild
 * (told so by esbuild.mjs) bundles every file that the require below could name.
 */
declare const CHECK_EXTENSION: string | undefined;
const checkExtension = typeof CHECK_EXTENSION === 'string' ? CHECK_EXTENSION : '';

/** Every Python rule's check, in the order of the list of rules (../rules/index.ts), from its folder. */
export const PYTHON_CHECKS: readonly PythonCheck[] = checksFor<PythonCheck>(
  'python',
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (id) => (require(`../rules/${id}/python${checkExtension}`) as { python?: PythonCheck }).python,
);

/** 0-based line starts, for offset → line/character. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function positionIn(starts: number[], offset: number): Position {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - starts[lo] };
}

export function analyzePythonTree(text: string, root: PyNode, options?: AnalyzeOptions): Finding[] {
  const scopes = new Scopes(text, root);
  const model = new Model(scopes);
  const calls: PyNode[] = [];
  const assigns: PyNode[] = [];
  walk(root, (n) => {
    if (n.type === 'CallExpression') calls.push(n);
    else if (n.type === 'AssignStatement') assigns.push(n);
  });
  const reports: (PyReport & RuleMessage)[] = [];
  const file: PyFileContext = { text, root, scopes, model, guards: new Guards(model), calls, sites: [] };
  try {
    file.sites = collectSites(model, calls, assigns);
  } catch (e) {
    reportError(options, e);
  }
  for (const check of PYTHON_CHECKS) {
    const { definition } = check;
    if (options?.rules?.[definition.id] === 'off') continue;
    const context: PyContext = {
      ...file,
      report: (r) => reports.push({ ...r, rule: definition.id } as PyReport & RuleMessage),
      fix: (messageId, edits, data = {}) => titledFix(definition, messageId, data, edits),
    };
    try {
      check.create(context).module?.();
    } catch (e) {
      // Nesting too deep for a rule fails the whole file, as it does for the parser: never a silent partial result.
      if (isStackOverflow(e)) throw e;
      // One rule failing costs that rule's findings on this file, not the others'.
      reportError(options, e);
    }
  }

  const starts = lineStarts(text);
  const suppressions = readPythonSuppressions(text, root, (o) => positionIn(starts, o).line);
  const located = reports.map((r) => ({ ...r, start: r.node.from, end: r.node.to }));
  return toFindings(located, suppressions, (o) => positionIn(starts, o), options);
}

/** The findings, or why the text could not be analysed: never throws, never silent. */
export function analyzePythonText(text: string, options?: AnalyzeOptions): AnalysisResult {
  try {
    if (!mightUsePythonWeakrefs(text)) return { findings: [] };
    return { findings: analyzePythonTree(text, parsePython(text), options) };
  } catch (e) {
    reportError(options, e);
    return { findings: [], failure: describeFailure(e) };
  }
}

export function analyzePython(text: string, options?: AnalyzeOptions): Finding[] {
  return analyzePythonText(text, options).findings;
}
