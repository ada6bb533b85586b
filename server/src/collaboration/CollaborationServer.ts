import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { AppContext } from '../app.ts';

/** The y-websocket endpoint at `/collab/:documentId`. */
export class CollaborationServer {
  constructor(private readonly context: AppContext) {}

  /** Takes over an HTTP upgrade on the collaboration path. */
  handleUpgrade(_req: IncomingMessage, socket: Duplex, _head: Buffer): void {
    socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
  }

  /** Flushes every open document and closes every connection. */
  async close(): Promise<void> {}
}
