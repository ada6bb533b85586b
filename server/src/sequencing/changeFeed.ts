import { MessageChangeModel } from '../models/MessageChange.ts';
import { appendInSequence } from './roomSequence.ts';

/** The highest change number stored in a room's change feed (0 when nothing changed yet). */
export async function latestChangeSeq(roomId: string): Promise<number> {
  const latest = await MessageChangeModel.findOne({ roomId }, { seq: 1 }).sort({ seq: -1 }).lean();
  return latest?.seq ?? 0;
}

/**
 * Records a change to a message under the room's next change number (see roomSequence.ts), so clients that were away
 * catch up on it. `apply(seq)` changes the message first, so whoever reads the record sees the change; if the number
 * was taken meanwhile, it runs again with the next one.
 */
export async function appendChange<T>(
  roomId: string,
  messageId: string,
  apply: (seq: number) => Promise<T>,
): Promise<T> {
  // Numbering rests on the unique index: never insert before it exists (a new database builds it after connect).
  await MessageChangeModel.init();
  return appendInSequence(
    `${roomId}:changes`,
    () => latestChangeSeq(roomId),
    async (seq) => {
      const result = await apply(seq);
      await MessageChangeModel.create({ roomId, seq, messageId });
      return result;
    },
    async () => null,
  );
}
