/**
 * The y-websocket endpoint at `/collab/:documentId`, split by role as Hocuspocus splits its server:
 *
 * - UpgradeHandler: admission (origin, session, room policy), the per-IP cap, the heartbeat.
 * - CollaborationServer (this file): turns an admitted socket into a CollabConnection on its document, within the
 *   per-document caps and fair shares (connectionShares), and plugs it into ConnectionAccess (collabAccess) for re-checks, liveness and closing.
 * - DocumentRegistry: the documents in memory and the document API routes use; DocumentRoom: one live document;
 *   receiveMessage: one frame; DocumentStore / UpdateQueue: storage; DocumentRelay: the seam to other instances.
 *
 * Decisions: updates are applied to the in-memory Y.Doc only after their log entry is stored, so sync replies and
 * relays never contain unsaved changes. At the size cap the document's status becomes `full`; the update that would
 * pass the cap is refused and its sender closed with `documentFull` (4431), everyone keeps reading. Stock y-websocket
 * clients echo awareness they receive; echoes (not newer than the server's copy) are skipped, only newer states for
 * another connection's client id count as spoofing. Read-only connections' updates and awareness are dropped in
 * DocumentRoom.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { RawData, WebSocket } from 'ws';
import { CLOSE_CODES } from '@common-ground/shared';
import type { AppContext } from '../AppContext.ts';
import { collabAccess } from './collabAccess.ts';
import { CollabConnection } from './CollabConnection.ts';
import { admitToShare } from './connectionShares.ts';
import type { DocumentRegistry } from './DocumentRegistry.ts';
import { UpgradeHandler, type Admitted } from './UpgradeHandler.ts';

/** The y-websocket endpoint at `/collab/:documentId`. */
export class CollaborationServer {
  private readonly upgrades: UpgradeHandler;

  constructor(
    private readonly context: AppContext,
    private readonly documents: DocumentRegistry,
  ) {
    this.upgrades = new UpgradeHandler(context, (ws, admitted) => this.accept(ws, admitted));
  }

  /** Takes over an HTTP upgrade on the collaboration path. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.upgrades.handleUpgrade(req, socket, head);
  }

  private accept(ws: WebSocket, admitted: Admitted): void {
    const { env, logger, services } = this.context;
    const connection = new CollabConnection(ws, admitted.caller, admitted.role, admitted.communityId, {
      perSecond: env.COLLAB_UPDATES_PER_SECOND,
      burst: env.COLLAB_UPDATE_BURST,
    });
    ws.on('error', (error) => logger.debug({ err: error }, 'collaboration socket error'));
    const room = this.documents.open(admitted.documentId);
    const admission = admitToShare(connection, room.connections, {
      maxEditors: env.COLLAB_MAX_EDITORS_PER_DOCUMENT,
      maxWatchers: env.COLLAB_MAX_WATCHERS_PER_DOCUMENT,
      perSession: env.COLLAB_MAX_CONNECTIONS_PER_SESSION,
      perUser: env.COLLAB_MAX_CONNECTIONS_PER_USER,
      perPass: env.COLLAB_MAX_CONNECTIONS_PER_PASS,
    });
    if (!admission.ok) {
      connection.close(admission.code, admission.reason);
      this.documents.release(room);
      return;
    }
    ws.on('message', (data, isBinary) => {
      if (!isBinary) return connection.close(CLOSE_CODES.malformed, 'binary frames only');
      room.receive(connection, toBytes(data));
    });
    const untrack = services.connectionAccess.track(
      collabAccess(connection, room, env),
      admitted.authorisedFrom,
    );
    ws.on('close', () => {
      untrack();
      room.leave(connection);
    });
    room.join(connection);
  }

  /** Stops accepting, flushes every open document and closes every connection. */
  async close(): Promise<void> {
    this.upgrades.stopAccepting();
    await this.documents.close();
    await this.upgrades.close();
  }
}

function toBytes(data: RawData): Uint8Array {
  const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data);
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
