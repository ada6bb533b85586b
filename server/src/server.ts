import { hostname } from 'node:os';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Server as SocketServer } from 'socket.io';
import { COLLAB_PATH, SOCKET_IO_PATH } from '@common-ground/shared';
import { createApp } from './app.ts';
import type { AppContext } from './AppContext.ts';
import type { Env } from './env.ts';
import type { Logger } from './logger.ts';
import { createOriginPolicy } from './originPolicy.ts';
import { createSocketServer } from './realtime/createSocketServer.ts';
import { CollaborationServer } from './collaboration/CollaborationServer.ts';
import { startAutomaticCheckpoints } from './jobs/automaticCheckpoints.ts';
import { startSetRetention } from './jobs/setRetention.ts';
import { startQuietPartnershipChecks } from './jobs/quietPartnerships.ts';
import type { DocumentRegistry } from './collaboration/DocumentRegistry.ts';
import { createServices } from './services.ts';
import { startOpenDayDataDeletion } from './jobs/openDayDataDeletion.ts';

/** How long a client may take to send its request headers. */
export const HEADERS_TIMEOUT_MS = 10_000;

/** A running HTTP server with Socket.IO and the collaboration endpoint on the same port. */
export interface PlatformServer {
  httpServer: HttpServer;
  io: SocketServer;
  context: AppContext;
  collaboration: CollaborationServer;
  /** The live documents (also `context.services.documents`). */
  documents: DocumentRegistry;
  listen(port: number, host?: string): Promise<number>;
  /** Stops accepting, closes every socket, flushes documents, stops background work. The database stays open. */
  close(): Promise<void>;
}

/** Wires the Express app, Socket.IO and the Yjs upgrade path together on one HTTP server. */
export function createPlatformServer(options: { env: Env; logger: Logger }): PlatformServer {
  // The document registry is a service, built before the routes that use it.
  const services = createServices(options);
  const context: AppContext = { ...options, originPolicy: createOriginPolicy(options.env), services };
  const app = createApp(context);
  // A connection that stalls partway through its headers is answered 408 and closed within about ten seconds, before
  // it is ever authenticated: the timeouts are checked every second rather than Node's default thirty.
  const httpServer = createHttpServer({ connectionsCheckingInterval: 1_000 }, app);
  httpServer.headersTimeout = HEADERS_TIMEOUT_MS;
  httpServer.requestTimeout = 30_000;
  const io = createSocketServer(httpServer, context);
  const collaboration = new CollaborationServer(context, services.documents);
  const stopCheckpoints = startAutomaticCheckpoints(services.documents, options.logger);
  const stopOpenDayDeletion =
    options.env.NODE_ENV === 'test'
      ? () => undefined
      : startOpenDayDataDeletion({
          instance: `${hostname()}:${process.pid}`,
          accessEvents: services.accessEvents,
          logger: options.logger,
        });
  // Tests run the retention job themselves, at the time they choose.
  const stopRetention = options.env.NODE_ENV === 'test' ? () => undefined : startSetRetention(options.logger);
  // Tests run a pass themselves with a chosen time (tendQuietPartnerships), so the hourly timer is not started there.
  const stopQuietChecks =
    options.env.NODE_ENV === 'test'
      ? () => undefined
      : startQuietPartnershipChecks(services.clock, options.env.QUIET_PARTNERSHIP_DAYS, options.logger);

  const sockets = new Set<Duplex>();
  httpServer.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  httpServer.on('upgrade', (req, socket, head) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (pathname === COLLAB_PATH || pathname.startsWith(`${COLLAB_PATH}/`)) {
      collaboration.handleUpgrade(req, socket, head);
    } else if (!pathname.startsWith(SOCKET_IO_PATH)) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
    }
  });

  return {
    httpServer,
    io,
    context,
    collaboration,
    documents: services.documents,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          const address = httpServer.address();
          resolve(typeof address === 'object' && address ? address.port : port);
        });
      }),
    close: async () => {
      const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
      httpServer.closeIdleConnections();
      stopCheckpoints();
      stopOpenDayDeletion();
      stopRetention();
      stopQuietChecks();
      await collaboration.close();
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await services.stop();
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}
