/** What a room does with presence heard from other instances. */
export interface PeerPresenceHandlers {
  /** Another instance's editors moved or left: apply to this room's awareness (never stored). */
  awareness(update: Uint8Array): void;
  /** Another instance's watcher headcount changed: re-send the status so totals stay right. */
  headcountChanged(): void;
  /** A peer just loaded the document and asks for the current presence of this room. */
  query(): void;
}

/** One room's presence link to the other instances holding the same document. */
export interface PeerPresence {
  /** Tells peers about this instance's editors' awareness change. */
  publishAwareness(update: Uint8Array): void;
  /** Tells peers how many read-only watchers this instance has (re-sent periodically; stale counts expire). */
  publishHeadcount(watchers: number): void;
  /** Watchers connected to other instances, from their latest unexpired counts. */
  remoteWatchers(): number;
  /** Stops listening. */
  leave(): void;
}

/** The single-instance link: no peers, nothing to say or hear. */
export const NO_PEERS: PeerPresence = {
  publishAwareness: () => undefined,
  publishHeadcount: () => undefined,
  remoteWatchers: () => 0,
  leave: () => undefined,
};
