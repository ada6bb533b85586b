import * as awarenessProtocol from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { CLOSE_CODES } from '@common-ground/shared';
import { claimAwareness } from './claimAwareness.ts';
import type { CollabConnection } from './CollabConnection.ts';
import { encodeAwarenessMessage } from './collabMessages.ts';

/** The origin of awareness changes heard from other instances. */
const REMOTE = 'remote';

/**
 * A document's awareness (cursors, names): which connection owns which client id, the server-written identity, and
 * the broadcast of changes. Read-only connections never get here, so they appear only in the watcher headcount.
 */
export class RoomPresence {
  readonly awareness: awarenessProtocol.Awareness;
  private readonly owners = new Map<number, CollabConnection>();

  constructor(
    doc: Y.Doc,
    private readonly limits: {
      maxAwarenessClients: number;
      maxAwarenessViolations: number;
      maxAwarenessStateBytes: number;
    },
    broadcast: (message: Uint8Array, origin: unknown) => void,
    /** Called with each change made here (not one heard from another instance), to tell the peers. */
    private readonly changedHere: (update: Uint8Array) => void = () => undefined,
  ) {
    this.awareness = new awarenessProtocol.Awareness(doc);
    this.awareness.setLocalState(null);
    this.awareness.on(
      'update',
      (change: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
        const clients = [...change.added, ...change.updated, ...change.removed];
        const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients);
        broadcast(encodeAwarenessMessage(update), origin);
        if (origin !== REMOTE) this.changedHere(update);
      },
    );
  }

  /**
   * Applies an editor's awareness with the server's identity; refuses client ids owned by another connection and
   * states over the size limit (closing with `tooLarge`), and drops messages over the connection's awareness rate.
   */
  submit(connection: CollabConnection, update: Uint8Array): void {
    if (!connection.takeAwarenessToken()) return;
    const claim = claimAwareness(
      connection,
      update,
      this.owners,
      (client) => this.awareness.meta.get(client)?.clock,
      { maxClients: this.limits.maxAwarenessClients, maxStateBytes: this.limits.maxAwarenessStateBytes },
    );
    if (!claim.ok && claim.reason === 'too-large')
      return connection.close(CLOSE_CODES.tooLarge, 'awareness state too large');
    if (!claim.ok) {
      connection.awarenessViolations += 1;
      if (connection.awarenessViolations >= this.limits.maxAwarenessViolations)
        connection.close(
          CLOSE_CODES.awarenessConflict,
          'awareness for a client id this connection does not own',
        );
      return;
    }
    for (const client of claim.clients) {
      const previous = this.owners.get(client);
      if (previous && previous !== connection) previous.awarenessClients.delete(client);
      this.owners.set(client, connection);
      connection.awarenessClients.add(client);
    }
    if (claim.update) awarenessProtocol.applyAwarenessUpdate(this.awareness, claim.update, connection);
  }

  /** Applies awareness heard from another instance's editors; it is relayed here and never echoed back. */
  applyRemote(update: Uint8Array): void {
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, REMOTE);
  }

  /** The awareness of this instance's own editors, for a peer that just loaded the document. */
  encodeOwned(): Uint8Array | null {
    const clients = [...this.owners.keys()].filter((client) => this.awareness.getStates().has(client));
    return clients.length ? awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients) : null;
  }

  /** Sends every current awareness state to one connection. */
  sendStates(connection: CollabConnection): void {
    const clients = [...this.awareness.getStates().keys()];
    if (clients.length === 0) return;
    connection.send(encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients)));
  }

  /** Removes the states a connection owned (it left, or may no longer edit) and tells everyone. */
  drop(connection: CollabConnection): void {
    const owned = [...connection.awarenessClients].filter((client) => this.owners.get(client) === connection);
    for (const client of owned) this.owners.delete(client);
    connection.awarenessClients.clear();
    if (owned.length) awarenessProtocol.removeAwarenessStates(this.awareness, owned, 'server');
  }

  /** Stops the awareness timer. */
  destroy(): void {
    this.awareness.destroy();
  }
}
