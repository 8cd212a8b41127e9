// The four JavaScript rules' case tables by rule id: the engine's rule tests, ESLint's
// RuleTester and the differential test all read this one list.
import { cases as invalidWeakTarget } from './invalid-weak-target.cases';
import { cases as registerHoldsTarget } from './register-holds-target.cases';
import type { RuleCases } from './types';
import { cases as unsafeDeref } from './unsafe-deref.cases';
import { cases as weakTargetUnreachable } from './weak-target-unreachable.cases';

export const TABLES: Record<string, RuleCases> = {
  'unsafe-deref': unsafeDeref,
  'invalid-weak-target': invalidWeakTarget,
  'register-holds-target': registerHoldsTarget,
  'weak-target-unreachable': weakTargetUnreachable,
};
