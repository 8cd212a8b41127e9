// Messages from the memory view's page. The page shows a program's report, so what it sends is
// checked here: one known type, and indices of a checkpoint and a target that exist in the
// report on show. The file and line to open come from the report, never from the page.
import type { MemoryReport } from '../../memory/report';

export type MemoryPageMessage = { type: 'open'; file: string; line: number };

export type MemoryValidation = { ok: true; message: MemoryPageMessage } | { ok: false; reason: string };

export function validateMemoryMessage(raw: unknown, report: MemoryReport | undefined): MemoryValidation {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, reason: 'not an object' };
  const msg = raw as Record<string, unknown>;
  if (msg.type !== 'open') return { ok: false, reason: `unknown type ${JSON.stringify(msg.type)?.slice(0, 40)}` };
  if (!report) return { ok: false, reason: 'open: no report on show' };
  const checkpoint = Number(msg.checkpoint);
  const target = Number(msg.target);
  if (!Number.isInteger(checkpoint) || !Number.isInteger(target))
    return { ok: false, reason: 'open: checkpoint and target must be whole numbers' };
  const found = report.checkpoints[checkpoint]?.targets.find((t) => t.id === target);
  if (!found) return { ok: false, reason: `open: no target #${target} at checkpoint ${checkpoint}` };
  if (!found.created.line) return { ok: false, reason: `open: target #${target} has no line` };
  return { ok: true, message: { type: 'open', file: found.created.file, line: found.created.line } };
}
