import type { CollabStatus } from '@common-ground/shared';

/** What the editor tells people about saving. */
export type SaveState = 'connecting' | 'saving' | 'saved' | 'offline' | 'retrying' | 'full' | 'no-access';

/** Words for each state, shown beside the editor. */
export const SAVE_STATE_LABELS: Record<SaveState, string> = {
  connecting: 'Connecting…',
  saving: 'Saving…',
  saved: 'All changes saved',
  offline: 'Offline, your changes are kept on this device',
  retrying: 'Saving is delayed – retrying',
  full: 'Document is full',
  'no-access': 'You no longer have access to this document',
};

/** Facts the save state is derived from. */
export interface SaveFacts {
  connected: boolean;
  /** The browser says it has a network; a dropped network can leave a socket looking open for a long time. */
  online: boolean;
  /** Set once a connection was made or failed, so "offline" is not claimed while the first one is in flight. */
  attempted: boolean;
  /** Update messages this connection sent that the server counts (updates and sync step 2 replies). */
  sent: number;
  /** The server's `saved` clock for this connection. */
  saved: number;
  status: CollabStatus | null;
  /** The connection was closed for good (access withdrawn or document gone). */
  closedForGood: boolean;
}

/** Derives the single state to show; storage problems outrank "saving" so people know why it is slow. */
export function saveStateOf(facts: SaveFacts): SaveState {
  if (facts.closedForGood) return 'no-access';
  if (facts.status?.storage === 'full') return 'full';
  if (!facts.online) return 'offline';
  if (!facts.connected) return facts.attempted ? 'offline' : 'connecting';
  if (facts.status?.storage === 'storage-retrying') return 'retrying';
  return facts.sent > facts.saved ? 'saving' : 'saved';
}

/** States worth announcing to screen readers; "Saving…" flickers with every keystroke and is only shown. */
export function isAnnounced(state: SaveState): boolean {
  return state !== 'saving' && state !== 'connecting';
}
