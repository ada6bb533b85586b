import type { Server as HttpServer } from 'node:http';
import { Server as SocketServer } from 'socket.io';
import { SOCKET_IO_PATH } from '@common-ground/shared';
import type { AppContext } from '../app.ts';

/** Attaches Socket.IO to the HTTP server, refusing handshakes from foreign origins. */
export function createSocketServer(httpServer: HttpServer, context: AppContext): SocketServer {
  const io = new SocketServer(httpServer, {
    path: SOCKET_IO_PATH,
    serveClient: false,
    maxHttpBufferSize: 64 * 1024,
    allowRequest: (req, callback) => {
      const allowed = context.originPolicy.isAllowed(req, { allowMissing: true });
      callback(allowed ? null : 'origin refused', allowed);
    },
  });
  return io;
}
