// What a memory-view run finds: the weak targets a program made, their state at every
// checkpoint, and what held the live ones. The `weakref-memory --json` output, the webview's
// input, and the text the CLI prints without --json. Pure data, no vscode.

/** One reference on the way from a root to a target, named as a learner would. */
export interface RetainerStep {
  label: string;
  kind: StepKind;
}

export type StepKind =
  | 'variable'
  | 'captured variable'
  | 'global variable'
  | 'property'
  | 'attribute'
  | 'element'
  | 'dict key'
  | 'dict value'
  | 'WeakMap value'
  | 'held value'
  | 'bound function'
  | 'bound method'
  | 'finalizer'
  | 'kept during the job';

export interface TargetState {
  id: number;
  /** "WeakRef target", "WeakMap key", ... or "weakref.ref target", "WeakValueDictionary value", ... */
  kind: string;
  /** The target's constructor or class name. */
  type: string;
  /** The call that made the object a weak target. */
  created: { file: string; line: number | null };
  alive: boolean;
  /** From a root to the target; absent for a collected target or when no chain was found. */
  retainedBy?: RetainerStep[];
}

export interface Checkpoint {
  /** "gc() #1", "gc.collect() #2", "end". */
  label: string;
  /** The line of the gc() call; null for the end. */
  line: number | null;
  targets: TargetState[];
  /** Why live targets have no chain at this checkpoint (a snapshot limit, for instance). */
  note?: string;
}

export interface MemoryReport {
  file: string;
  /** "node v20.20.2", "python 3.11.2". */
  runtime: string;
  exitCode: number | null;
  checkpoints: Checkpoint[];
  /** Set when the run did not end normally (syntax error, crash, time limit...), in words. */
  problem?: string;
  /** The program's own output (its tail), as a normal run shows it. */
  output?: string;
}

/** Counts per kind at one checkpoint, for the view's timeline. */
export function countsByKind(checkpoint: Checkpoint): { kind: string; alive: number; collected: number }[] {
  const counts = new Map<string, { kind: string; alive: number; collected: number }>();
  for (const t of checkpoint.targets) {
    const row = counts.get(t.kind) ?? { kind: t.kind, alive: 0, collected: 0 };
    if (t.alive) row.alive += 1;
    else row.collected += 1;
    counts.set(t.kind, row);
  }
  return [...counts.values()];
}

/** "subject (variable) → listeners (property) → Set entry (element)". */
export function formatChain(steps: readonly RetainerStep[]): string {
  return steps.map((s) => (s.label === s.kind ? s.label : `${s.label} (${s.kind})`)).join(' → ');
}

/** The report as text, for the CLI without --json. */
export function formatReport(report: MemoryReport): string {
  const lines = [`${report.file} (${report.runtime}), exit code ${report.exitCode ?? 'none'}`];
  if (report.problem) lines.push(`Problem: ${report.problem}`);
  if (report.checkpoints.length === 0) lines.push('No checkpoint was taken.');
  for (const cp of report.checkpoints) {
    lines.push('', `${cp.label}${cp.line !== null ? ` (line ${cp.line})` : ''}`);
    if (cp.note) lines.push(`  note: ${cp.note}`);
    if (cp.targets.length === 0) lines.push('  no weak targets yet');
    for (const t of cp.targets) {
      const where = `line ${t.created.line ?? '?'}`;
      lines.push(`  #${t.id} ${t.type}, ${t.kind} (${where}): ${t.alive ? 'alive' : 'collected'}`);
      if (t.alive && t.retainedBy?.length) lines.push(`      held by ${formatChain(t.retainedBy)}`);
    }
  }
  return lines.join('\n') + '\n';
}
