import { Types } from 'mongoose';
import { MessageModel, type MessageRecord } from '../models/Message.ts';
import { appendInSequence, insertFillers } from './roomSequence.ts';

/** A message ready to store, without its number. */
export interface NewMessage {
  _id: Types.ObjectId;
  roomId: string;
  authorId: string;
  clientMessageId: string;
  threadId: Types.ObjectId | null;
  authorName: string;
  authorOrganisationId: string | null;
  authorOrganisationName: string | null;
  authorOrganisationVerified: boolean;
  body: string;
  mentions: string[];
  /** A thread starter asked as a learner's question. */
  question: boolean;
}

const LOST_AUTHOR = new Types.ObjectId('000000000000000000000000');

/** The highest message number stored in a room (0 when it has none); a scan on some backends. */
export async function latestMessageSeq(roomId: string): Promise<number> {
  const latest = await MessageModel.findOne({ roomId }, { seq: 1 }).sort({ seq: -1 }).lean();
  return latest?.seq ?? 0;
}

/**
 * Stores a message under the room's next number (see roomSequence.ts), exactly once per idempotency key: the message's
 * `_id` is derived from the key, so when two attempts race, on this instance or across instances, one insert wins and
 * the other fails on the unique index, finds the winner by `_id` and returns it with `created: false`.
 */
export async function appendMessage(
  message: NewMessage,
): Promise<{ message: MessageRecord; created: boolean }> {
  // Numbering rests on the unique indexes: never insert before they exist (a new database builds them after connect).
  await MessageModel.init();
  let created = false;
  const stored = await appendInSequence(
    `${message.roomId}:messages`,
    () => latestMessageSeq(message.roomId),
    async (seq) => {
      const [doc] = await MessageModel.insertMany([{ ...message, seq }]);
      created = true;
      return doc!.toObject() as MessageRecord;
    },
    () => MessageModel.findById(message._id).lean<MessageRecord>(),
  );
  return { message: stored, created };
}

/** Stores `lost` fillers for message numbers that will never carry a message (see roomSequence.ts). */
export function fillMessageNumbers(roomId: string, seqs: number[]): Promise<void> {
  return insertFillers(() =>
    MessageModel.insertMany(
      seqs.map((seq) => ({
        roomId,
        seq,
        authorId: LOST_AUTHOR,
        authorName: 'Unknown',
        clientMessageId: `lost-${seq}`,
        deleted: true,
        lost: true,
      })),
      { ordered: false },
    ),
  );
}
