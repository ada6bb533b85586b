import type { CollabStatus } from '@common-ground/shared';
import type { CollabConnection } from './CollabConnection.ts';
import { encodeSavedMessage, encodeStatusMessage } from './collabMessages.ts';

const STATUS_THROTTLE_MS = 200;

/**
 * A document's `status` extension messages (access, storage health, watcher count) for the connections that sent
 * `subscribeSaved`: storage changes are sent at once, headcount changes at most every 200 ms. Stock y-websocket
 * clients never subscribe, so they never receive these.
 */
export class RoomStatus {
  private storage: CollabStatus['storage'] = 'ok';
  private fullFlag = false;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly connections: Set<CollabConnection>) {}

  /** Whether the document reached its size cap (it stays full until unloaded). */
  get full(): boolean {
    return this.fullFlag;
  }

  /** Marks the document full; every subscriber hears `full` at once. */
  markFull(): void {
    this.fullFlag = true;
    this.setStorage('full');
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
    connection.send(encodeStatusMessage(this.statusFor(connection)));
    connection.send(encodeSavedMessage(connection.saved));
  }

  /** Tells one subscriber its status again (its access changed). */
  sendTo(connection: CollabConnection): void {
    if (connection.subscribed) connection.send(encodeStatusMessage(this.statusFor(connection)));
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

  private sendNow(): void {
    this.stop();
    for (const connection of this.connections) this.sendTo(connection);
  }

  private statusFor(connection: CollabConnection): CollabStatus {
    let watchers = 0;
    for (const other of this.connections) if (!other.canEdit) watchers += 1;
    return { access: connection.canEdit ? 'edit' : 'view', storage: this.storage, watchers };
  }
}
