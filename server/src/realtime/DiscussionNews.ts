import { EventEmitter } from 'node:events';
import type { StoredMessage } from '../queries/messageHistory.ts';

/**
 * Changes to messages made outside a socket handler (an erased account's messages), for the Socket.IO server to
 * broadcast: routes are built before the socket server exists, so they tell this instead of holding the broadcaster.
 */
export class DiscussionNews {
  private readonly emitter = new EventEmitter();

  /** Announces changed messages; the socket server sends each to its room (on every instance, through its adapter). */
  messagesChanged(messages: StoredMessage[]): void {
    if (messages.length) this.emitter.emit('changed', messages);
  }

  /** Listens for changed messages; returns the function that stops listening. */
  onMessagesChanged(listener: (messages: StoredMessage[]) => void): () => void {
    this.emitter.on('changed', listener);
    return () => this.emitter.off('changed', listener);
  }
}
