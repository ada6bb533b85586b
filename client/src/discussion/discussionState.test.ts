import { describe, expect, it } from 'vitest';
import type { Message } from '@common-ground/shared';
import { addMessages, emptyDiscussion, threadsOf, updateMessage } from './discussionState.ts';

const id = (n: number) => n.toString(16).padStart(24, '0');
function message(seq: number, overrides: Partial<Message> = {}): Message {
  return {
    id: id(seq),
    roomId: id(999),
    threadId: null,
    seq,
    version: 0,
    author: { id: id(500), displayName: 'Sam', organisation: null },
    body: `m${seq}`,
    createdAt: new Date(0).toISOString(),
    editedAt: null,
    deleted: false,
    hidden: false,
    question: false,
    answeredAt: null,
    answerMessageId: null,
    locked: false,
    lost: false,
    mentions: [],
    ...overrides,
  };
}

describe('discussion state', () => {
  it('takes messages in seq order, holding ones that overtake a gap, and ignores duplicates', () => {
    let state = addMessages(emptyDiscussion(), [message(1), message(3)]);
    expect(state.cursor).toBe(1);
    expect(state.ahead.size).toBe(1);
    state = addMessages(state, [message(2), message(1), message(3)]);
    expect(state.cursor).toBe(3);
    expect(state.ahead.size).toBe(0);
    expect(state.messages.size).toBe(3);
  });

  it('keeps the newest version of a changed message', () => {
    let state = addMessages(emptyDiscussion(), [message(1)]);
    state = updateMessage(state, message(1, { body: 'edited', version: 5 }));
    state = updateMessage(state, message(1, { body: 'stale', version: 4 }));
    state = addMessages(state, [message(1, { body: 'replayed', version: 0 })]);
    expect(state.messages.get(id(1))?.body).toBe('edited');
  });

  it('groups replies into threads and counts unread messages from others', () => {
    const state = addMessages(emptyDiscussion(), [
      message(1),
      message(2, { threadId: id(1) }),
      message(3, { threadId: id(1), author: { id: id(7), displayName: 'Me', organisation: null } }),
      message(4),
    ]);
    const threads = threadsOf(state, id(7), 1);
    expect(threads.map((thread) => [thread.starter.seq, thread.replies.length, thread.unread])).toEqual([
      [4, 0, 1],
      [1, 2, 1],
    ]);
  });
});
