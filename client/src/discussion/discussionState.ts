import type { Message, ReadState } from '@common-ground/shared';

/** What the panel knows about one room's discussion. */
export interface DiscussionState {
  /** Messages by id, including every one up to `cursor`. */
  messages: Map<string, Message>;
  /** The highest seq up to which the client holds every message, with no gaps. */
  cursor: number;
  /** Messages that arrived ahead of a gap (a live event overtaking a slower one), waiting for it. */
  ahead: Map<number, Message>;
  /** The change feed position to resume from. */
  changeCursor: number | undefined;
  readState: ReadState;
}

/** A fresh state for a room. */
export function emptyDiscussion(): DiscussionState {
  return {
    messages: new Map(),
    cursor: 0,
    ahead: new Map(),
    changeCursor: undefined,
    readState: { lastReadSeq: 0, threads: {} },
  };
}

function newer(current: Message | undefined, incoming: Message): boolean {
  return !current || incoming.version >= current.version;
}

/**
 * Adds messages from a catch-up page or a live event: anything at or below the cursor is a duplicate (kept only if it
 * is a newer version); anything beyond a gap waits in `ahead` until the gap fills, so messages enter in seq order.
 */
export function addMessages(state: DiscussionState, incoming: Message[]): DiscussionState {
  const messages = new Map(state.messages);
  const ahead = new Map(state.ahead);
  let cursor = state.cursor;
  for (const message of incoming) {
    if (message.seq <= cursor) {
      if (messages.has(message.id) && newer(messages.get(message.id), message))
        messages.set(message.id, message);
    } else if (newer(ahead.get(message.seq), message)) ahead.set(message.seq, message);
  }
  for (let next = ahead.get(cursor + 1); next; next = ahead.get(cursor + 1)) {
    ahead.delete(cursor + 1);
    messages.set(next.id, next);
    cursor += 1;
  }
  return { ...state, messages, ahead, cursor };
}

/** Applies a changed message (edit, delete, hide, thread state) if it is not older than what the client holds. */
export function updateMessage(state: DiscussionState, message: Message): DiscussionState {
  if (state.messages.has(message.id)) {
    if (!newer(state.messages.get(message.id), message)) return state;
    return { ...state, messages: new Map(state.messages).set(message.id, message) };
  }
  if (state.ahead.has(message.seq))
    return { ...state, ahead: new Map(state.ahead).set(message.seq, message) };
  return state;
}

/** A thread: its starter, replies in order, and how many are unread for the viewer. */
export interface ThreadSummary {
  starter: Message;
  replies: Message[];
  unread: number;
  lastSeq: number;
}

/** Groups messages into threads, most recently active first, counting unread messages from other people. */
export function threadsOf(
  state: DiscussionState,
  viewerId: string | null,
  readSince: number,
): ThreadSummary[] {
  const threads = new Map<string, ThreadSummary>();
  const sorted = [...state.messages.values()]
    .filter((message) => !message.lost)
    .sort((a, b) => a.seq - b.seq);
  for (const message of sorted) {
    if (!message.threadId)
      threads.set(message.id, { starter: message, replies: [], unread: 0, lastSeq: message.seq });
  }
  for (const message of sorted) {
    const thread = message.threadId ? threads.get(message.threadId) : undefined;
    if (thread) {
      thread.replies.push(message);
      thread.lastSeq = message.seq;
    }
  }
  for (const thread of threads.values()) {
    const readTo = Math.max(state.readState.threads[thread.starter.id] ?? 0, readSince);
    thread.unread = [thread.starter, ...thread.replies].filter(
      (message) => message.seq > readTo && message.author.id !== viewerId && !message.deleted,
    ).length;
  }
  return [...threads.values()].sort((a, b) => b.lastSeq - a.lastSeq);
}
