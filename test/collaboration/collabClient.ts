import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { COLLAB_MESSAGE, COLLAB_PATH, type CollabStatus } from '@common-ground/shared';

/** A `ws` WebSocket class that sends the given Cookie (and optionally Origin) header, as a browser would. */
export function socketWithHeaders(headers: Record<string, string>) {
  return class extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers });
    }
  };
}

/** A stock y-websocket client in Node, signed in with a session cookie. */
export interface CollabClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  content: Y.XmlFragment;
  /** Resolves once the provider has synced with the server (again, after a reconnect). */
  synced(): Promise<void>;
  destroy(): void;
}

/** Connects a stock `WebsocketProvider` to `/collab/:documentId` with the given cookie. */
export function connectClient(origin: string, documentId: string, cookie: string | null): CollabClient {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${origin.replace(/^http/, 'ws')}${COLLAB_PATH}`, documentId, doc, {
    WebSocketPolyfill: socketWithHeaders(cookie ? { cookie } : {}) as never,
    disableBc: true,
    maxBackoffTime: 300,
  });
  return {
    doc,
    provider,
    content: doc.getXmlFragment('content'),
    synced: () =>
      provider.synced ? Promise.resolve() : new Promise((resolve) => provider.once('sync', () => resolve())),
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Appends a paragraph with text to a document body, as one Yjs transaction. */
export function appendParagraph(doc: Y.Doc, text: string): void {
  doc.transact(() => {
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(text)]);
    const content = doc.getXmlFragment('content');
    content.insert(content.length, [paragraph]);
  });
}

/** The body's text, paragraph by paragraph. */
export function paragraphs(doc: Y.Doc): string[] {
  return doc
    .getXmlFragment('content')
    .toArray()
    .map((node) =>
      node instanceof Y.XmlElement
        ? node
            .toArray()
            .map((child) => child.toString())
            .join('')
        : '',
    );
}

/** Polls until `check` passes or the time runs out, then runs it once more so its assertion explains the failure. */
export async function eventually(check: () => void | Promise<void>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

/** A raw protocol socket for sending hand-made frames; records what it receives and how it closed. */
export interface RawSocket {
  ws: WebSocket;
  received: Uint8Array[];
  closed: Promise<{ code: number; reason: string }>;
  send(bytes: Uint8Array): void;
  statuses(): CollabStatus[];
  savedClocks(): number[];
}

/** Opens a raw socket on a document (resolves once open) or rejects with the HTTP status that refused it. */
export function openRaw(
  origin: string,
  documentId: string,
  headers: Record<string, string>,
): Promise<RawSocket> {
  const ws = new WebSocket(`${origin.replace(/^http/, 'ws')}${COLLAB_PATH}/${documentId}`, { headers });
  const received: Uint8Array[] = [];
  ws.on('message', (data: Buffer) => received.push(new Uint8Array(data)));
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  const ofType = (type: number) =>
    received.filter((message) => message[0] === type).map((message) => decoding.createDecoder(message));
  return new Promise((resolve, reject) => {
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
    ws.once('open', () =>
      resolve({
        ws,
        received,
        closed,
        send: (bytes) => ws.send(bytes),
        statuses: () =>
          ofType(COLLAB_MESSAGE.status).map((decoder) => {
            decoding.readVarUint(decoder);
            return JSON.parse(decoding.readVarString(decoder)) as CollabStatus;
          }),
        savedClocks: () =>
          ofType(COLLAB_MESSAGE.saved).map((decoder) => {
            decoding.readVarUint(decoder);
            return decoding.readVarUint(decoder);
          }),
      }),
    );
  });
}

/** The HTTP status an upgrade is refused with (or 101 when it is accepted). */
export async function upgradeStatus(
  origin: string,
  path: string,
  headers: Record<string, string>,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${origin.replace(/^http/, 'ws')}${path}`, { headers });
    ws.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.once('open', () => {
      resolve(101);
      ws.close();
    });
    ws.once('error', (error) => reject(error));
  });
}

/** Frames a sync message (step 1, step 2 or update) around a payload. */
export function syncFrame(syncType: 0 | 1 | 2, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, COLLAB_MESSAGE.sync);
  encoding.writeVarUint(encoder, syncType);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** Frames an awareness message with one client's state. */
export function awarenessFrame(clientId: number, clock: number, stateJson: string): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, 1);
  encoding.writeVarUint(inner, clientId);
  encoding.writeVarUint(inner, clock);
  encoding.writeVarString(inner, stateJson);
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, COLLAB_MESSAGE.awareness);
  encoding.writeVarUint8Array(encoder, encoding.toUint8Array(inner));
  return encoding.toUint8Array(encoder);
}
