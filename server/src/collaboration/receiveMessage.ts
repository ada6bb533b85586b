import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import { CLOSE_CODES, COLLAB_MESSAGE } from '@common-ground/shared';
import type { CollabConnection } from './CollabConnection.ts';

/** What a frame may ask of its document (DocumentRoom), kept as an interface so the room can call this decoder. */
export interface MessageTarget {
  answerSyncStep1(connection: CollabConnection, stateVector: Uint8Array): void;
  submitUpdate(connection: CollabConnection, update: Uint8Array, kind: 'update' | 'step2'): void;
  submitAwareness(connection: CollabConnection, update: Uint8Array): void;
  sendAwarenessStates(connection: CollabConnection): void;
  subscribe(connection: CollabConnection): void;
}

/** A frame that is not valid protocol; the caller closes that socket (and only that socket). */
export class MalformedMessageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedMessageError';
  }
}

/**
 * Decodes one y-websocket frame from a connection and hands it to the document. Read-only connections may ask for
 * state (sync step 1, query awareness) but their sync step 2, updates and awareness are dropped here.
 */
export function receiveMessage(room: MessageTarget, connection: CollabConnection, data: Uint8Array): void {
  const decoder = decoding.createDecoder(data);
  const type = decoding.readVarUint(decoder);
  switch (type) {
    case COLLAB_MESSAGE.sync: {
      const syncType = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      if (syncType === syncProtocol.messageYjsSyncStep1) {
        // Each answer encodes the whole document, so asking costs the same budget as sending an update.
        if (!spendToken(connection)) return;
        room.answerSyncStep1(connection, payload);
      } else if (syncType === syncProtocol.messageYjsSyncStep2)
        room.submitUpdate(connection, payload, 'step2');
      else if (syncType === syncProtocol.messageYjsUpdate) room.submitUpdate(connection, payload, 'update');
      else throw new MalformedMessageError(`unknown sync message type ${syncType}`);
      return;
    }
    case COLLAB_MESSAGE.awareness:
      room.submitAwareness(connection, decoding.readVarUint8Array(decoder));
      return;
    case COLLAB_MESSAGE.queryAwareness:
      if (!spendToken(connection)) return;
      room.sendAwarenessStates(connection);
      return;
    case COLLAB_MESSAGE.auth:
      // Authentication happens on the upgrade; y-websocket's auth message carries nothing we need.
      return;
    case COLLAB_MESSAGE.subscribeSaved:
      room.subscribe(connection);
      return;
    default:
      throw new MalformedMessageError(`unknown message type ${type}`);
  }
}

/** Takes one message from the connection's rate budget, closing it (4429) when the budget is spent. */
function spendToken(connection: CollabConnection): boolean {
  if (connection.takeUpdateToken()) return true;
  connection.close(CLOSE_CODES.rateLimited, 'too many requests');
  return false;
}
