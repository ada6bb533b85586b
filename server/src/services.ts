import type { Env } from './env.ts';
import type { Logger } from './logger.ts';
import { AccessEvents } from './access/AccessEvents.ts';
import { Housekeeping } from './access/Housekeeping.ts';
import type { CollaborationServer } from './collaboration/CollaborationServer.ts';
import type { Redis } from 'ioredis';
import { connectRedis } from './cluster/connectRedis.ts';

/** Long-lived collaborators shared by routes, sockets and the collaboration server of one process. */
export interface Services {
  /** Tells every instance when someone's access changed (role change, removal, sign-out, pass revocation). */
  accessEvents: AccessEvents;
  /** The live-document seams (read state, apply a server change, persisted events); set when the server is built. */
  collaboration: CollaborationServer | null;
  /** The bus shared by every instance when REDIS_URL is set; null for a single instance. */
  redis: Redis | null;
}

/** Creates the process's services; `stop()` releases their timers. */
export function createServices(options: { env: Env; logger: Logger }): Services & { stop(): Promise<void> } {
  const redis = options.env.REDIS_URL ? connectRedis(options.env.REDIS_URL, options.logger) : null;
  const accessEvents = new AccessEvents({ logger: options.logger, redis });
  const housekeeping = new Housekeeping(options.logger);
  if (options.env.NODE_ENV !== 'test') housekeeping.start();
  return {
    accessEvents,
    collaboration: null,
    redis,
    stop: async () => {
      housekeeping.stop();
      await accessEvents.stop();
      redis?.disconnect();
    },
  };
}
