import * as Y from 'yjs';
import type { QueuedUpdate } from './QueuedUpdate.ts';

const MAX_BATCH_UPDATES = 500;
const MAX_BATCH_BYTES = 2 * 1024 * 1024;

/** One group commit: queued updates merged into one log entry (null when only acknowledgements were waiting). */
export interface Batch {
  items: QueuedUpdate[];
  merged: Uint8Array | null;
  /** Client updates merged into `merged` (a forwarded item may carry several). */
  count: number;
  bytes: number;
  /** Ids of the updates other instances forwarded to this one as the lease holder. */
  forwardIds: string[];
}

/** Takes the next batch from `pending`, starting at `from`, within the size limits of one log entry. */
export function nextBatch(pending: QueuedUpdate[], from: number): Batch {
  const items: QueuedUpdate[] = [];
  const updates: Uint8Array[] = [];
  const forwardIds: string[] = [];
  let bytes = 0;
  let count = 0;
  for (let i = from; i < pending.length; i += 1) {
    const item = pending[i]!;
    if (items.length >= MAX_BATCH_UPDATES || (bytes > 0 && bytes + item.update.byteLength > MAX_BATCH_BYTES))
      break;
    items.push(item);
    if (item.update.byteLength) {
      updates.push(item.update);
      count += item.count ?? 1;
    }
    if (item.forwardId) forwardIds.push(item.forwardId);
    bytes += item.update.byteLength;
  }
  const merged = updates.length === 0 ? null : updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
  return { items, merged, count, bytes, forwardIds };
}
