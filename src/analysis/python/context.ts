// What a Python rule sees: the tree, names, value facts, None checks, the sites where values
// reach weakref APIs, and a way to report.
import type { Guards } from './guards';
import type { Model, WeakApi } from './model';
import type { Scopes } from './scope';
import type { PyNode } from './tree';
import type { RuleMessage } from '../ruleMeta';
import type { Fix, Severity } from '../types';

export type PyReport = RuleMessage & {
  node: PyNode;
  severity?: Severity;
  fixes?: Fix[];
};

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

export interface PyContext {
  text: string;
  root: PyNode;
  scopes: Scopes;
  model: Model;
  guards: Guards;
  calls: PyNode[];
  sites: WeakSite[];
  report(r: PyReport): void;
}
