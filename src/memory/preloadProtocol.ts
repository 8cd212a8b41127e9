// What the memory preload (memoryPreload.ts) and the Python recorder write to a run's events
// file, one JSON object a line, and what the runner (runMemory.ts) reads back.
import type { RetainerStep } from './report';

/** Environment variables the memory runner sets. */
export const PRELOAD_ENV = {
  dir: 'WEAKREF_MEMORY_DIR',
  maxHeapBytes: 'WEAKREF_MEMORY_MAX_HEAP',
  maxSnapshots: 'WEAKREF_MEMORY_MAX_SNAPSHOTS',
} as const;

/** The property every tag carries, named with its target's id, so the tag is found in a snapshot. */
export const TAG_PROPERTY_PREFIX = 'weakrefMemoryTarget';

export type PreloadEvent =
  | { t: 'start'; runtime: string }
  | { t: 'problem'; message: string }
  | { t: 'target'; id: number; kind: string; type: string; file?: string; line?: number }
  | {
      t: 'checkpoint';
      label: string;
      file?: string;
      line?: number;
      /** The functions of the program on the stack at this checkpoint, innermost first. */
      functions?: string[];
      /** ids of targets alive at this checkpoint, by the tags (see above). */
      alive: number[];
      /** The snapshot's file name in the run's folder, when one was taken. */
      snapshot?: string;
      /** Why no snapshot was taken. */
      skipped?: string;
      /** Python: the chains, found in the program's own process (by target id). */
      chains?: Record<string, RetainerStep[]>;
    };
