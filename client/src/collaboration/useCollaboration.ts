import { useEffect, useState } from 'react';
import { IndexeddbPersistence } from 'y-indexeddb';
import { offlineCopyName } from './offlineCopies.ts';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { CLOSE_CODES, COLLAB_MESSAGE, COLLAB_PATH, type CollabStatus } from '@common-ground/shared';
import { encodeTypeOnly, parseStatus, readVarString, readVarUint, type WireDecoder } from './collabWire.ts';
import { closeNotice } from './closeNotice.ts';
import { saveStateOf, type SaveFacts, type SaveState } from './saveStatus.ts';
import { announceAccessEnded } from '../hooks/visitEndings.ts';

/** A live document session: the shared Y.Doc, its provider and what to tell people about saving. */
export interface Collaboration {
  doc: Y.Doc;
  provider: WebsocketProvider;
  saveState: SaveState;
  status: CollabStatus | null;
  /** The server's copy has been received at least once on this connection. */
  synced: boolean;
  /** Why the server closed the connection, in plain words, when the person can act on it. */
  notice: string | null;
}

const SYNC_STEP_1 = 0;
const LOCAL_LOAD_TIMEOUT_MS = 3000;
const TERMINAL_CODES: number[] = [
  CLOSE_CODES.unauthenticated,
  CLOSE_CODES.forbidden,
  CLOSE_CODES.notFound,
  CLOSE_CODES.passRevoked,
];

type MessageHandler = (
  encoder: unknown,
  decoder: WireDecoder,
  provider: WebsocketProvider,
  emitSynced: boolean,
  type: number,
) => void;

/**
 * Connects to `/collab/:documentId` with the stock y-websocket provider (the session cookie goes with it), keeps
 * editors' offline changes in IndexedDB, and tracks the server's persistence confirmations.
 */
export function useCollaboration(documentId: string, keepOffline: boolean): Collaboration | null {
  const [session, setSession] = useState<{ doc: Y.Doc; provider: WebsocketProvider } | null>(null);
  const [synced, setSynced] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [facts, setFacts] = useState<SaveFacts>({
    connected: false,
    online: navigator.onLine,
    attempted: false,
    sent: 0,
    saved: 0,
    status: null,
    closedForGood: false,
  });

  useEffect(() => {
    const doc = new Y.Doc();
    // Watchers keep nothing on the device: the document may be read on a shared computer at an open day.
    const local = keepOffline ? new IndexeddbPersistence(offlineCopyName(documentId), doc) : null;
    const url = `${location.origin.replace(/^http/, 'ws')}${COLLAB_PATH}`;
    const provider = new WebsocketProvider(url, documentId, doc, { connect: false, disableBc: true });
    let sent = 0;
    const update = (patch: Partial<SaveFacts>): void => setFacts((previous) => ({ ...previous, ...patch }));
    const handlers = provider.messageHandlers as unknown as MessageHandler[];

    // The server counts every update message and every sync step 2 we send; count the same ones to compare.
    const syncHandler = handlers[COLLAB_MESSAGE.sync]!;
    handlers[COLLAB_MESSAGE.sync] = (encoder, decoder, p, emitSynced, type) => {
      const isStep1 = decoder.arr[decoder.pos] === SYNC_STEP_1;
      syncHandler(encoder, decoder, p, emitSynced, type);
      if (isStep1 && p.wsconnected) update({ sent: (sent += 1) });
    };
    handlers[COLLAB_MESSAGE.saved] = (_encoder, decoder) => update({ saved: readVarUint(decoder) });
    handlers[COLLAB_MESSAGE.status] = (_encoder, decoder) => {
      const status = parseStatus(readVarString(decoder));
      if (status) update({ status });
    };
    const onUpdate = (_update: Uint8Array, origin: unknown): void => {
      // Same condition under which the provider sends the update (it listens first, so this runs after it).
      if (origin !== provider && provider.wsconnected && provider.ws?.readyState === WebSocket.OPEN)
        update({ sent: (sent += 1) });
    };
    doc.on('update', onUpdate);
    const onOnline = (): void => update({ online: true });
    const onOffline = (): void => update({ online: false });
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', onOffline);
    provider.on('status', ({ status }) => {
      if (status === 'connected') {
        sent = 0;
        setNotice(null);
        update({ connected: true, attempted: true, sent: 0, saved: 0 });
        provider.ws?.send(encodeTypeOnly(COLLAB_MESSAGE.subscribeSaved));
      } else if (status === 'disconnected') {
        update({ connected: false, attempted: true });
      }
    });
    provider.on('sync', (isSynced: boolean) => setSynced(isSynced));
    provider.on('connection-error', () => update({ attempted: true }));
    provider.on('connection-close', (event) => {
      update({ attempted: true });
      if (event) setNotice(closeNotice(event.code));
      if (event && TERMINAL_CODES.includes(event.code)) update({ closedForGood: true });
      if (event?.code === CLOSE_CODES.passRevoked || event?.code === CLOSE_CODES.unauthenticated)
        announceAccessEnded();
      if (event?.code === CLOSE_CODES.documentFull)
        setFacts((previous) => ({
          ...previous,
          status: { access: 'view', watchers: 0, ...previous.status, storage: 'full' },
        }));
    });

    let cancelled = false;
    const start = async (): Promise<void> => {
      // Offline edits load before the editor shows and before connecting, so they reach the server in the first sync.
      // Some browsers refuse IndexedDB (private windows); never let that keep the document from opening.
      if (local)
        await Promise.race([
          local.whenSynced.catch(() => undefined),
          new Promise((resolve) => setTimeout(resolve, LOCAL_LOAD_TIMEOUT_MS)),
        ]);
      else await Promise.resolve();
      if (cancelled) return;
      setSession({ doc, provider });
      provider.connect();
    };
    void start();
    return () => {
      cancelled = true;
      doc.off('update', onUpdate);
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
      provider.destroy();
      void local?.destroy();
      doc.destroy();
      setSession(null);
    };
  }, [documentId, keepOffline]);

  if (!session) return null;
  return { ...session, saveState: saveStateOf(facts), status: facts.status, synced, notice };
}
