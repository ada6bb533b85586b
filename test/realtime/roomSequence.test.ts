import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Types } from 'mongoose';
import { messageIdFor } from '../../server/src/commands/messages/messageSender.ts';
import { MessageModel } from '../../server/src/models/Message.ts';
import { MessageChangeModel } from '../../server/src/models/MessageChange.ts';
import { SequenceHintModel } from '../../server/src/models/SequenceHint.ts';
import { readMessages } from '../../server/src/queries/messageHistory.ts';
import { appendChange } from '../../server/src/sequencing/changeFeed.ts';
import { appendMessage, type NewMessage } from '../../server/src/sequencing/messageAppender.ts';
import { LOST_AFTER_MS } from '../../server/src/sequencing/roomSequence.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';

function newMessage(roomId: string, authorId: string, clientMessageId = randomUUID()): NewMessage {
  return {
    _id: messageIdFor({ roomId, authorId, clientMessageId }),
    roomId,
    authorId,
    clientMessageId,
    threadId: null,
    authorName: 'Sam',
    authorOrganisationId: null,
    authorOrganisationName: null,
    authorOrganisationVerified: false,
    body: `body ${clientMessageId}`,
    mentions: [],
    question: false,
  };
}

describe('room sequence numbering', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server?.stop());

  it('numbers concurrent appends 1..n with no gaps and no fillers, one message per key even when retries race', async () => {
    const roomId = String(new Types.ObjectId());
    const authorId = String(new Types.ObjectId());
    const repeated = Array.from({ length: 5 }, () => randomUUID());
    // Same keys appended concurrently, as two instances would when a client retries on another one.
    const inputs = [
      ...Array.from({ length: 25 }, () => newMessage(roomId, authorId)),
      ...repeated.map((key) => newMessage(roomId, authorId, key)),
      ...repeated.map((key) => newMessage(roomId, authorId, key)),
    ];
    const results = await Promise.all(inputs.map((input) => appendMessage(input)));

    for (const key of repeated) {
      const ids = new Set(
        results.filter((r) => r.message.clientMessageId === key).map((r) => String(r.message._id)),
      );
      expect(ids.size).toBe(1);
    }
    expect(results.filter((r) => r.created)).toHaveLength(30);
    const stored = await MessageModel.find({ roomId }).sort({ seq: 1 }).lean();
    expect(stored.map((m) => m.seq)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(stored.filter((m) => m.lost)).toEqual([]);
    const page = await readMessages(roomId, 0, 100);
    expect(page.messages.map((m) => m.seq)).toEqual(stored.map((m) => m.seq));
  });

  it('numbers concurrent changes 1..n in the change feed', async () => {
    const roomId = String(new Types.ObjectId());
    const messageIds = Array.from({ length: 12 }, () => String(new Types.ObjectId()));
    await Promise.all(messageIds.map((messageId) => appendChange(roomId, messageId, async (seq) => seq)));
    const stored = await MessageChangeModel.find({ roomId }).sort({ seq: 1 }).lean();
    expect(stored.map((change) => change.seq)).toEqual(messageIds.map((_, i) => i + 1));
    expect(new Set(stored.map((change) => String(change.messageId)))).toEqual(new Set(messageIds));
  });

  it('walks past numbers a lagging hint does not know about, leaving no hole', async () => {
    const roomId = String(new Types.ObjectId());
    const authorId = String(new Types.ObjectId());
    for (let i = 0; i < 5; i++) await appendMessage(newMessage(roomId, authorId));
    // The hint's $max is not atomic on every backend, so it may fall behind; it never runs ahead.
    await SequenceHintModel.updateOne({ _id: `${roomId}:messages` }, { $set: { seq: 1 } });
    const sixth = await appendMessage(newMessage(roomId, authorId));
    expect(sixth.message.seq).toBe(6);
    const stored = await MessageModel.find({ roomId }).sort({ seq: 1 }).lean();
    expect(stored.map((m) => [m.seq, m.lost])).toEqual([1, 2, 3, 4, 5, 6].map((seq) => [seq, false]));
  });

  it('stops at a fresh hole, and fills a hole left by a dead writer once it is old', async () => {
    const roomId = String(new Types.ObjectId());
    const authorId = String(new Types.ObjectId());
    // A hole as the earlier counter scheme could leave one: a writer took number 2 and died, and 3 was stored.
    await MessageModel.create({ ...newMessage(roomId, authorId), seq: 1 });
    await MessageModel.create({ ...newMessage(roomId, authorId), seq: 3 });
    expect((await readMessages(roomId, 0, 100)).messages.map((m) => m.seq)).toEqual([1]);

    await MessageModel.updateOne(
      { roomId, seq: 3 },
      { $set: { createdAt: new Date(Date.now() - LOST_AFTER_MS - 1000) } },
    );
    const healed = await readMessages(roomId, 0, 100);
    expect(healed.messages.map((m) => [m.seq, m.lost])).toEqual([
      [1, false],
      [2, true],
      [3, false],
    ]);
    expect((await appendMessage(newMessage(roomId, authorId))).message.seq).toBe(4);
  });
});
