import type { CollabStatus } from '@common-ground/shared';
import type { CollabConnection } from './CollabConnection.ts';
import { encodeSavedMessage, encodeStatusMessage } from './collabMessages.ts';
import type { PeerPresence } from './PeerPresence.ts';

const STATUS_THROTTLE_MS = 200;

/**
 * A document's `status` extension messages (access, storage health, watcher count) for the connections that sent
 * `subscribeSaved`: storage changes are sent at once, headcount changes at most every 200 ms. Stock y-websocket
 * clients never subscribe, so they never receive these. The watcher count is a total across instances: this one's
 * read-only connections, announced to the peers whenever it changes, plus each peer's latest announcement.
 */
export class RoomStatus {
  private storage: CollabStatus['storage'] = 'ok';
  private fullFlag = false;
  private timer: NodeJS.Timeout | null = null;
  private announcedWatchers = 0;

  constructor(
    private readonly connections: Set<CollabConnection>,
    /** The same document on other instances (none without Redis). */
    private readonly peers: () => PeerPresence,
  ) {}

  /** Read-only connections on this instance. */
  localWatchers(): number {
    let watchers = 0;
    for (const other of this.connections) if (!other.canEdit) watchers += 1;
    return watchers;
  }

  /** Marks the document full, or no longer full (content was deleted or restored); subscribers hear it at once. */
  setFull(full: boolean): void {
    if (full === this.fullFlag) return;
    this.fullFlag = full;
    this.setStorage(full ? 'full' : this.storage === 'full' ? 'ok' : this.storage);
  }

  /** Sets the storage health; `full` outranks `ok`. */
  setStorage(storage: CollabStatus['storage']): void {
    const next = this.fullFlag && storage === 'ok' ? 'full' : storage;
    if (next === this.storage) return;
    this.storage = next;
    this.sendNow();
  }

  /** Starts sending `saved` and `status` to a connection that asked for them. */
  subscribe(connection: CollabConnection): void {
    connection.subscribed = true;
    connection.send(encodeStatusMessage(this.statusFor(connection, this.totalWatchers())));
    connection.send(encodeSavedMessage(connection.saved));
  }

  /** Tells one subscriber its status again (its access changed). */
  sendTo(connection: CollabConnection, watchers = this.totalWatchers()): void {
    if (connection.subscribed) connection.send(encodeStatusMessage(this.statusFor(connection, watchers)));
  }

  /** Sends everyone's status soon (the headcount or someone's access changed). */
  schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => this.sendNow(), STATUS_THROTTLE_MS);
    this.timer.unref();
  }

  /** Stops the pending send. */
  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private totalWatchers(): number {
    return this.localWatchers() + this.peers().remoteWatchers();
  }

  private sendNow(): void {
    this.stop();
    const local = this.localWatchers();
    if (local !== this.announcedWatchers) {
      this.announcedWatchers = local;
      this.peers().publishHeadcount(local);
    }
    const watchers = local + this.peers().remoteWatchers();
    for (const connection of this.connections) this.sendTo(connection, watchers);
  }

  private statusFor(connection: CollabConnection, watchers: number): CollabStatus {
    return { access: connection.canEdit ? 'edit' : 'view', storage: this.storage, watchers };
  }
}
