// What a Python rule's check sees: the tree, names, value facts, None checks, the sites where values
// reach weakref APIs, and, bound to its rule, a way to report and to title a fix.
import type { BoundContext, Check, MessageIdIn, RuleDefinition } from '../rule';
import type { Fix, Severity } from '../types';
import type { Guards } from './guards';
import type { Model, WeakApi } from './model';
import type { Scopes } from './scope';
import type { PyNode } from './tree';

/** Where a finding is and what it offers; the rule and the message come from the bound context. */
export interface PyReport {
  node: PyNode;
  severity?: Severity;
  fixes?: Fix[];
}

/** A value handed to a weak API: `api` says which, `role` what the value becomes there. */
export interface WeakSite {
  api: WeakApi;
  role: 'target' | 'key' | 'value' | 'element';
  /** The call or the subscript assignment. */
  site: PyNode;
  /** The expression handed over. */
  value: PyNode;
  /** How the API is spelled at the site, for messages: `weakref.ref`, `WeakSet.add`… */
  label: string;
}

/** What every rule's check shares for one file. */
export interface PyFileContext {
  text: string;
  root: PyNode;
  scopes: Scopes;
  model: Model;
  guards: Guards;
  calls: PyNode[];
  sites: WeakSite[];
}

export type PyContext<M extends string = string> = PyFileContext & BoundContext<M, PyReport>;

export interface PythonHandlers {
  /** Called once for the whole module, after the sites are collected. */
  module?(): void;
}

export type PythonCheck = Check<PyContext, PythonHandlers>;

/** A rule's Python check, bound to its definition: its reports may name only the rule's Python messages. */
export function pythonCheck<const D extends RuleDefinition>(
  definition: D,
  create: (context: PyContext<MessageIdIn<D, 'python'>>) => PythonHandlers,
): PythonCheck {
  return { definition, create };
}
