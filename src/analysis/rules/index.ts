// Every rule, one import each: besides its own folder, the only place a rule is named. Their order is
// the order of the settings, the generated tables and the front ends' checks. A front end loads the
// check of each rule defined for its language from the rule's folder (rules/<id>/<language>.ts),
// so that what reads only the definitions (the extension host, the CLI's main thread) never bundles
// a check, nor the parser a check needs.
import { definition as cleanupRemovesLiveEntry } from './cleanup-removes-live-entry/definition';
import { definition as collectedInSameJob } from './collected-in-same-job/definition';
import { definition as invalidWeakTarget } from './invalid-weak-target/definition';
import { definition as registerHoldsTarget } from './register-holds-target/definition';
import { definition as unsafeDeref } from './unsafe-deref/definition';
import { definition as weakRefAlwaysTruthy } from './weak-ref-always-truthy/definition';
import { definition as weakCallableAsCallback } from './weak-callable-as-callback/definition';
import { definition as weakKeyHeldByValue } from './weak-key-held-by-value/definition';
import { definition as weakTargetUnreachable } from './weak-target-unreachable/definition';

export const RULE_DEFINITIONS = [
  unsafeDeref,
  invalidWeakTarget,
  registerHoldsTarget,
  weakTargetUnreachable,
  weakKeyHeldByValue,
  weakRefAlwaysTruthy,
  cleanupRemovesLiveEntry,
  weakCallableAsCallback,
  collectedInSameJob,
] as const;
