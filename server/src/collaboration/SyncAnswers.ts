import * as Y from 'yjs';
import { encodeSyncStep1, encodeSyncStep2 } from './collabMessages.ts';

/**
 * A document's sync messages, encoded once and reused until the document next changes: the state vector every
 * joining connection is greeted with, and the whole-state answer a new client (one that holds nothing yet) is sent.
 * When many people open a large document at once, the document is encoded once rather than once per person.
 */
export class SyncAnswers {
  private step1: Uint8Array | null = null;
  private wholeState: Uint8Array | null = null;

  constructor(private readonly doc: Y.Doc) {}

  /** Forgets the encodings; called on every change to the document. */
  changed(): void {
    this.step1 = null;
    this.wholeState = null;
  }

  /** Sync step 1 carrying the document's state vector. */
  syncStep1(): Uint8Array {
    return (this.step1 ??= encodeSyncStep1(Y.encodeStateVector(this.doc)));
  }

  /** Sync step 2 with what a client that has `stateVector` lacks. */
  syncStep2(stateVector: Uint8Array): Uint8Array {
    if (!isEmptyStateVector(stateVector))
      return encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, stateVector));
    return (this.wholeState ??= encodeSyncStep2(Y.encodeStateAsUpdate(this.doc)));
  }
}

/** Whether a state vector lists no clients (a client that holds nothing of the document). */
function isEmptyStateVector(stateVector: Uint8Array): boolean {
  return stateVector.length === 1 && stateVector[0] === 0;
}
