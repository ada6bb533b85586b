import type { Env } from './env.ts';
import type { Logger } from './logger.ts';
import { AccessEvents } from './access/AccessEvents.ts';
import { ConnectionAccess } from './access/ConnectionAccess.ts';
import { Housekeeping } from './access/Housekeeping.ts';
import { DocumentRegistry } from './collaboration/DocumentRegistry.ts';
import type { LiveDocuments } from './collaboration/LiveDocuments.ts';
import { RedisDocumentRelay } from './collaboration/RedisDocumentRelay.ts';
import type { Redis } from 'ioredis';
import { connectRedis } from './cluster/connectRedis.ts';
import { createMailer } from './mail/createMailer.ts';
import { DiscussionNews } from './realtime/DiscussionNews.ts';
import type { Mailer } from './mail/Mailer.ts';
import { DigestSchedule } from './digest/DigestSchedule.ts';
import { OpenDayBroadcaster } from './realtime/OpenDayBroadcaster.ts';
import { MeetingBroadcaster } from './realtime/MeetingBroadcaster.ts';

/** Long-lived collaborators shared by routes, sockets and the collaboration server of one process. */
export interface Services {
  /** Tells every instance when someone's access changed (role change, removal, sign-out, pass revocation). */
  accessEvents: AccessEvents;
  /** Every open Socket.IO and /collab connection's access: re-checks, session liveness, closing. */
  connectionAccess: ConnectionAccess;
  /** The live documents (read the current state, apply a server change, hear of stored updates). */
  documents: LiveDocuments;
  /** The bus shared by every instance when REDIS_URL is set; null for a single instance. */
  redis: Redis | null;
  /** Sends email through SMTP, GOV.UK Notify or the development outbox; `canSend` is false with none configured. */
  mailer: Mailer;
  /** Sends each person's digest on their schedule, once per period however many instances run. */
  digests: DigestSchedule;
  /** Open-day live events (questions, host position, headcount); the socket server attaches itself to it. */
  openDays: OpenDayBroadcaster;
  /** Message changes made by routes (an erased account), for the socket server to broadcast. */
  discussionNews: DiscussionNews;
  /** Announces meeting changes to everyone in the meeting, from HTTP routes and socket handlers alike. */
  meetings: MeetingBroadcaster;
  /** The time as figures and prompts read it (partnership engagement, quiet spells); tests replace `now`. */
  clock: Clock;
}

/** Where the time comes from, so tests can seed activity at known times and check each figure exactly. */
export interface Clock {
  now(): Date;
}

/** Creates the process's services, the document registry included; `stop()` releases their timers. */
export function createServices(options: {
  env: Env;
  logger: Logger;
}): Services & { documents: DocumentRegistry; stop(): Promise<void> } {
  const { env, logger } = options;
  const redis = env.REDIS_URL ? connectRedis(env.REDIS_URL, logger) : null;
  const accessEvents = new AccessEvents({ logger, redis });
  const connectionAccess = new ConnectionAccess(accessEvents, env, logger);
  const relay = redis ? new RedisDocumentRelay(redis, logger) : undefined;
  const documents = new DocumentRegistry({ env, logger, relay });
  const mailer = createMailer(env, logger);
  const housekeeping = new Housekeeping(logger);
  const openDays = new OpenDayBroadcaster(logger);
  if (env.NODE_ENV !== 'test') housekeeping.start();
  const digests = new DigestSchedule({
    mailer,
    logger,
    origin: env.PUBLIC_ORIGIN ?? `http://localhost:${env.PORT}`,
    sendHour: env.DIGEST_HOUR,
    checkEveryMs: (env.DIGEST_CHECK_SECONDS ?? (env.NODE_ENV === 'test' ? 0 : 300)) * 1000,
  });
  digests.start();
  return {
    accessEvents,
    connectionAccess,
    documents,
    redis,
    mailer,
    digests,
    openDays,
    discussionNews: new DiscussionNews(),
    meetings: new MeetingBroadcaster(),
    clock: { now: () => new Date() },
    stop: async () => {
      openDays.stop();
      housekeeping.stop();
      await digests.stop();
      await documents.close();
      connectionAccess.stop();
      await accessEvents.stop();
      redis?.disconnect();
      await mailer.close();
    },
  };
}
