import type { CollabConnection } from './CollabConnection.ts';

/**
 * Accepted bytes waiting to be stored above which an editor's socket is no longer read until the queue has drained
 * below half of this: someone sending faster than the database stores (a script, a huge paste) is slowed by TCP, so
 * the queue, and the wait of everyone else's keystrokes behind it, stay short.
 */
const PAUSE_READING_ABOVE_BYTES = 64 * 1024;

/** Backpressure on one document's editors: whose sockets are not being read while its write queue drains. */
export class ReadingPauses {
  private readonly paused = new Set<CollabConnection>();

  constructor(private readonly pendingBytes: () => number) {}

  /** After `connection` queued an update: stops reading it when the queue is over the threshold. */
  queued(connection: CollabConnection): void {
    if (this.pendingBytes() <= PAUSE_READING_ABOVE_BYTES || this.paused.has(connection)) return;
    this.paused.add(connection);
    connection.pauseReading();
  }

  /** After a batch was stored: reads every paused socket again once the queue is below half the threshold. */
  drained(): void {
    if (!this.paused.size || this.pendingBytes() > PAUSE_READING_ABOVE_BYTES / 2) return;
    for (const connection of this.paused) connection.resumeReading();
    this.paused.clear();
  }

  /** Forgets a connection that left. */
  forget(connection: CollabConnection): void {
    this.paused.delete(connection);
  }
}
