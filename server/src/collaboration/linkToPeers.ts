import * as Y from 'yjs';
import type { DocumentRelay } from './DocumentRelay.ts';
import type { PeerPresence } from './PeerPresence.ts';
import type { RoomPresence } from './RoomPresence.ts';
import type { RoomStatus } from './RoomStatus.ts';
import type { UpdateQueue } from './UpdateQueue.ts';

/**
 * Links a loaded room to the same document on other instances: their stored updates arrive by seq (a gap, or a
 * resync after the bus reconnects, makes the queue read the log), and presence goes both ways, never stored.
 */
export function linkToPeers(
  relay: DocumentRelay,
  documentId: string,
  room: { doc: Y.Doc; queue: UpdateQueue; presence: RoomPresence; status: RoomStatus },
): { peers: PeerPresence; stop(): void } {
  const { doc, queue, presence, status } = room;
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
      stopUpdates();
      peers.leave();
    },
  };
}
