import * as Y from 'yjs';
import type { DocumentRelay } from './DocumentRelay.ts';
import type { PeerPresence } from './PeerPresence.ts';
import type { RoomPresence } from './RoomPresence.ts';
import type { RoomStatus } from './RoomStatus.ts';
import type { UpdateQueue } from './UpdateQueue.ts';

/**
 * Links a loaded room to the same document on other instances: their stored updates arrive by seq (a gap, or a
 * resync after the bus reconnects, makes the queue read the log), and presence goes both ways, never stored. Writes go
 * through the document's writer: while another instance holds the writer lease, batches are forwarded to it; while
 * this one holds it, batches other instances forward join this queue (`mirror` first puts each on the scratch copy
 * the room checks its own editors' updates against, as it does for updates other instances stored).
 */
export function linkToPeers(
  relay: DocumentRelay,
  documentId: string,
  room: {
    doc: Y.Doc;
    queue: UpdateQueue;
    presence: RoomPresence;
    status: RoomStatus;
    mirror(update: Uint8Array): void;
  },
): { peers: PeerPresence; stop(): void } {
  const { doc, queue, presence, status } = room;
  const writer = relay.writer(documentId, {
    accept: (forwardId, update, count) => {
      room.mirror(update);
      queue.push({ update, from: null, clock: 0, forwardId, count });
    },
  });
  queue.useWriter(writer);
  const stopUpdates = relay.subscribe(
    documentId,
    (seq, update) => {
      if (queue.acceptRemote(seq, update)) Y.applyUpdate(doc, update, 'remote');
    },
    () => queue.requestCatchUp(),
  );
  const peers = relay.presence(documentId, {
    awareness: (update) => presence.applyRemote(update),
    headcountChanged: () => status.schedule(),
    query: () => {
      const owned = presence.encodeOwned();
      if (owned) peers.publishAwareness(owned);
      peers.publishHeadcount(status.localWatchers());
    },
  });
  return {
    peers,
    stop: () => {
      writer.stop();
      stopUpdates();
      peers.leave();
    },
  };
}
