import { WebSocket } from 'ws';
import { encodeAwarenessMessage } from './collabMessages.ts';

/** When each collaboration socket was last sent anything, so quiet ones can be kept alive. */
const lastSent = new WeakMap<WebSocket, number>();

/** An awareness update about nobody: every y-websocket client applies it as a no-op. */
const NOTHING_CHANGED = encodeAwarenessMessage(Uint8Array.of(0));

/** Notes that a message went out on this socket. */
export function markSent(ws: WebSocket): void {
  lastSent.set(ws, Date.now());
}

/**
 * Stock y-websocket clients reconnect when they have received nothing for 30 s (ping frames do not count). A lone
 * editor, or a watcher while nobody edits, hears nothing, so each socket quiet for `quietMs` gets an awareness update
 * about nobody; without it every idle open-day visitor would reconnect, and be authorised again, twice a minute.
 */
export function keepQuietSocketsAlive(clients: Iterable<WebSocket>, quietMs: number, now = Date.now()): void {
  for (const ws of clients) {
    if (ws.readyState !== WebSocket.OPEN || now - (lastSent.get(ws) ?? 0) < quietMs) continue;
    ws.send(NOTHING_CHANGED);
    lastSent.set(ws, now);
  }
}
