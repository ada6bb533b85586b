import { MessageChangeModel } from '../models/MessageChange.ts';
import { MessageModel, type MessageRecord } from '../models/Message.ts';
import { fillMessageNumbers, latestMessageSeq } from '../sequencing/messageAppender.ts';
import { insertFillers, readInSequence } from '../sequencing/roomSequence.ts';
import { latestChangeSeq } from '../sequencing/changeFeed.ts';
import { trusted } from '../database/trusted.ts';

/** A lean message as read from the database. */
export type StoredMessage = MessageRecord;

/** One page of a room's messages after `after`, oldest first and gap-free. */
export async function readMessages(
  roomId: string,
  after: number,
  limit: number,
): Promise<{ messages: StoredMessage[]; hasMore: boolean }> {
  const { items, hasMore } = await readInSequence(
    after,
    limit,
    (from, count) =>
      MessageModel.find({ roomId, seq: trusted({ $gt: from }) })
        .sort({ seq: 1 })
        .limit(count)
        .lean<StoredMessage[]>(),
    (seqs) => fillMessageNumbers(roomId, seqs),
  );
  return { messages: items, hasMore };
}

/** The current state of messages changed after change number `after`, in change order, gap-free. */
export async function readChanges(
  roomId: string,
  after: number,
  limit: number,
): Promise<{ messages: StoredMessage[]; hasMore: boolean; lastChangeSeq: number }> {
  const { items, hasMore } = await readInSequence(
    after,
    limit,
    (from, count) =>
      MessageChangeModel.find({ roomId, seq: trusted({ $gt: from }) })
        .sort({ seq: 1 })
        .limit(count)
        .lean(),
    (seqs) =>
      insertFillers(() =>
        MessageChangeModel.insertMany(
          seqs.map((seq) => ({ roomId, seq, lost: true })),
          { ordered: false },
        ),
      ),
  );
  const ids = [...new Set(items.flatMap((change) => (change.messageId ? [String(change.messageId)] : [])))];
  const messages = ids.length
    ? await MessageModel.find({ _id: trusted({ $in: ids }) }).lean<StoredMessage[]>()
    : [];
  const byId = new Map(messages.map((message) => [String(message._id), message]));
  return {
    messages: ids.flatMap((id) => byId.get(id) ?? []),
    hasMore,
    lastChangeSeq: items.at(-1)?.seq ?? after,
  };
}

/** The highest message and change numbers stored in a room. */
export async function latestSequence(
  roomId: string,
): Promise<{ latestSeq: number; latestChangeSeq: number }> {
  const [latestSeq, latestChange] = await Promise.all([latestMessageSeq(roomId), latestChangeSeq(roomId)]);
  return { latestSeq, latestChangeSeq: latestChange };
}
