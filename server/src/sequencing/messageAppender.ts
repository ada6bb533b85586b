import type { Types } from 'mongoose';
import { MessageModel } from '../../models/Message.ts';
import { fillMessageNumbers, type StoredMessage } from './messageHistory.ts';
import { allocate, appendInSequence } from './roomSequence.ts';

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
  body: string;
  mentions: string[];
}

interface Waiting {
  message: NewMessage;
  resolve(result: { message: StoredMessage; created: boolean }): void;
  reject(error: unknown): void;
}

const MAX_BATCH = 50;
const waiting = new Map<string, Waiting[]>();
const draining = new Set<string>();

/**
 * Stores a message under the room's next number. Sends that arrive while a write is in progress are stored together:
 * one `$inc` by the batch size and one unordered `insertMany`, so a busy room costs two writes per batch rather than
 * per message (group commit). Numbering keeps the guarantees in roomSequence.ts: every number a batch took ends up
 * holding its message, the original of an idempotent retry, or a `lost` filler.
 */
export function appendMessage(message: NewMessage): Promise<{ message: StoredMessage; created: boolean }> {
  return new Promise((resolve, reject) => {
    const queue = waiting.get(message.roomId) ?? [];
    queue.push({ message, resolve, reject });
    waiting.set(message.roomId, queue);
    if (!draining.has(message.roomId)) void drain(message.roomId);
  });
}

async function drain(roomId: string): Promise<void> {
  draining.add(roomId);
  try {
    for (let queue = waiting.get(roomId); queue?.length; queue = waiting.get(roomId)) {
      const batch = queue.splice(0, MAX_BATCH);
      await appendBatch(roomId, batch).catch((error: unknown) => batch.forEach((item) => item.reject(error)));
    }
  } finally {
    draining.delete(roomId);
    if (!waiting.get(roomId)?.length) waiting.delete(roomId);
  }
}

async function appendBatch(roomId: string, batch: Waiting[]): Promise<void> {
  const last = await allocate(`${roomId}:messages`, batch.length);
  const first = last - batch.length + 1;
  try {
    const stored = await MessageModel.insertMany(
      batch.map((item, index) => ({ ...item.message, seq: first + index })),
      { ordered: false },
    );
    stored.forEach((doc, index) =>
      batch[index]!.resolve({ message: doc.toObject() as StoredMessage, created: true }),
    );
  } catch {
    // Some or all failed: settle each by reading what its number now holds rather than trusting error details.
    for (const [index, item] of batch.entries()) {
      await settle(roomId, first + index, item).catch((error: unknown) => item.reject(error));
    }
  }
}

async function settle(roomId: string, seq: number, item: Waiting): Promise<void> {
  const { authorId, clientMessageId } = item.message;
  const atSeq = await MessageModel.findOne({ roomId, seq }).lean<StoredMessage>();
  if (atSeq && String(atSeq.authorId) === authorId && atSeq.clientMessageId === clientMessageId) {
    return item.resolve({ message: atSeq, created: true });
  }
  if (!atSeq) await fillMessageNumbers(roomId, [seq]);
  const original = await MessageModel.findById(item.message._id).lean<StoredMessage>();
  if (original) return item.resolve({ message: original, created: false });
  let created = false;
  const message = await appendInSequence(
    `${roomId}:messages`,
    async (next) => {
      const [doc] = await MessageModel.insertMany([{ ...item.message, seq: next }]);
      created = true;
      return doc!.toObject() as StoredMessage;
    },
    async (next) => {
      const again = await MessageModel.findById(item.message._id).lean<StoredMessage>();
      if (again) await fillMessageNumbers(roomId, [next]);
      return again;
    },
  );
  item.resolve({ message, created });
}
