// analyzePython(text) -> Finding[]: the Python front end. Same Finding shape, severities and
// rule ids as the JavaScript engine (../analyze.ts), plus weak-key-held-by-value. Never throws.
import { describeFailure, isStackOverflow, reportError } from '../failure';
import { toFindings } from '../findings';
import type { AnalysisResult, AnalyzeOptions, Finding, Position } from '../types';
import type { PyContext, PyReport } from './context';
import { Guards } from './guards';
import { Model } from './model';
import { mightUsePythonWeakrefs } from './precheck';
import { invalidWeakTarget } from './rules/invalid-weak-target';
import { registerHoldsTarget } from './rules/register-holds-target';
import { unsafeDeref } from './rules/unsafe-deref';
import { weakKeyHeldByValue } from './rules/weak-key-held-by-value';
import { weakTargetUnreachable } from './rules/weak-target-unreachable';
import { Scopes } from './scope';
import { checksFor } from '../ruleMeta';
import { collectSites } from './sites';
import { readPythonSuppressions } from './suppressionComments';
import { parsePython, walk, type PyNode } from './tree';

/** Every Python rule's check, in the order of the rule definitions (../ruleMeta.ts). */
const RULE_CHECKS = checksFor<(ctx: PyContext) => void>('python', {
  'unsafe-deref': unsafeDeref,
  'invalid-weak-target': invalidWeakTarget,
  'register-holds-target': registerHoldsTarget,
  'weak-target-unreachable': weakTargetUnreachable,
  'weak-key-held-by-value': weakKeyHeldByValue,
});

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
  const reports: PyReport[] = [];
  const ctx: PyContext = {
    text,
    root,
    scopes,
    model,
    guards: new Guards(model),
    calls,
    sites: [],
    report: (r) => reports.push(r),
  };
  try {
    ctx.sites = collectSites(model, calls, assigns);
  } catch (e) {
    reportError(options, e);
  }
  for (const [id, check] of RULE_CHECKS) {
    if (options?.rules?.[id] === 'off') continue;
    try {
      check(ctx);
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
