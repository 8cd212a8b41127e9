// Which edits to send with the next lint request of one document. The worker's analyzer can
// reparse incrementally from exactly one edit of the text it saw last; anything else (two edits
// between requests, a multi-cursor edit, a worker that lost its state) is sent as a full text.
import type { TextChange } from '../analysis/types';

export class ChangeTracker {
  /** Edits since the text last sent; undefined means "send the whole text". */
  private pending: TextChange[] | undefined;
  private sentOnce = false;

  /** A document change event's edits, in offsets of the text before the event. */
  record(edits: readonly TextChange[]): void {
    this.pending = this.pending && this.pending.length === 0 && edits.length === 1 ? [edits[0]] : undefined;
  }

  /** The changes to send with a request for the current text; from now on edits count from it. */
  take(): TextChange[] | undefined {
    const changes = this.sentOnce ? this.pending : undefined;
    this.pending = [];
    this.sentOnce = true;
    return changes;
  }

  /** The worker no longer has this document's text (an error, a restart, a close): send it whole. */
  reset(): void {
    this.pending = undefined;
    this.sentOnce = false;
  }
}
