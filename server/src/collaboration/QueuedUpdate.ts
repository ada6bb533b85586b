import type { CollabConnection } from './CollabConnection.ts';

/** One accepted update waiting to be stored; an empty `update` only waits its turn to be acknowledged. */
export interface QueuedUpdate {
  update: Uint8Array;
  from: CollabConnection | null;
  /** The sender's `received` number for this message, acknowledged in `saved` once stored. */
  clock: number;
  onStored?: (seq: number) => void;
  /** Called instead of `onStored` when the queue stops before this update was stored. */
  onAbandoned?: (error: Error) => void;
  /** Set on an update another instance forwarded to this one as the document's lease holder. */
  forwardId?: string;
  /** Client updates merged into `update` (a forwarded batch carries several); 1 when absent. */
  count?: number;
}
