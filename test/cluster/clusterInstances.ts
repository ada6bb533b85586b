import { pino } from 'pino';
import { parseEnv } from '../../server/src/env.ts';
import { createPlatformServer, type PlatformServer } from '../../server/src/server.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';

/** Another instance in this process, on the first one's database and bus, with its own port and sockets. */
export interface ExtraInstance {
  server: PlatformServer;
  origin: string;
  stop(): Promise<void>;
}

/** Starts the first instance on this file's database, with the given Redis as its bus (and any `env` on top). */
export function startFirstInstance(redisUrl: string, env: Record<string, string> = {}): Promise<TestServer> {
  return startTestServer({ REDIS_URL: redisUrl, ...env });
}

/** Starts one more instance sharing the database connection and the bus (and any `env` on top). */
export async function startExtraInstance(
  redisUrl: string,
  env: Record<string, string> = {},
): Promise<ExtraInstance> {
  const parsed = parseEnv({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    PORT: '0',
    REDIS_URL: redisUrl,
    ...env,
  });
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  const server = createPlatformServer({ env: parsed.env, logger: pino({ level: parsed.env.LOG_LEVEL }) });
  const port = await server.listen(0, '127.0.0.1');
  return { server, origin: `http://127.0.0.1:${port}`, stop: () => server.close() };
}
