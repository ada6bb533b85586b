import { Redis } from 'ioredis';
import type { Logger } from '../logger.ts';

/** Reconnect delay ceiling: an instance keeps retrying a lost Redis every two seconds at most. */
const MAX_RETRY_DELAY_MS = 2_000;

/**
 * Opens the shared bus to Redis. Start-up never waits for it: the client reconnects by itself, commands issued while
 * Redis is away wait in its queue, and `/readyz` reports the bus as down meanwhile.
 */
export function connectRedis(url: string, logger: Logger): Redis {
  const redis = new Redis(url, {
    // Never give up on a command while reconnecting; the socket adapter's blocking reads rely on it.
    maxRetriesPerRequest: null,
    retryStrategy: (attempt) => Math.min(attempt * 200, MAX_RETRY_DELAY_MS),
    connectionName: 'common-ground',
  });
  let reported: 'up' | 'down' | null = null;
  redis.on('ready', () => {
    if (reported !== 'up') logger.info({ redis: redactedUrl(url) }, 'connected to the Redis bus');
    reported = 'up';
  });
  redis.on('error', (error: Error) => {
    if (reported !== 'down')
      logger.warn({ err: error, redis: redactedUrl(url) }, 'Redis bus unavailable; retrying');
    reported = 'down';
  });
  return redis;
}

/** Whether the bus answers now (`ready` in ioredis terms). */
export function redisState(redis: Redis | null): 'up' | 'down' | 'off' {
  if (!redis) return 'off';
  return redis.status === 'ready' ? 'up' : 'down';
}

function redactedUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
