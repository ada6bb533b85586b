import { pino } from 'pino';
import { parseEnv, type Env } from '../../server/src/env.ts';
import { createPlatformServer, type PlatformServer } from '../../server/src/server.ts';
import { connectTestDatabase, dropTestDatabase } from './testDatabase.ts';

/** A real server on a free port, on this file's own database. */
export interface TestServer {
  server: PlatformServer;
  origin: string;
  port: number;
  stop(): Promise<void>;
  /** Closes the platform server (as on shutdown), keeping the database, and starts a new one on the same port. */
  restart(): Promise<void>;
}

/** Starts the whole platform (HTTP, Socket.IO, collaboration) for one test file. */
export async function startTestServer(
  overrides: Record<string, string> = {},
  options: { databaseUri?: string } = {},
): Promise<TestServer> {
  await connectTestDatabase(options.databaseUri);
  const parsed = parseEnv({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    PORT: '0',
    ...overrides,
  });
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  const env: Env = parsed.env;
  const server = createPlatformServer({ env, logger: pino({ level: env.LOG_LEVEL }) });
  const port = await server.listen(0, '127.0.0.1');
  const origin = `http://127.0.0.1:${port}`;
  const testServer: TestServer = {
    server,
    origin,
    port,
    stop: async () => {
      await testServer.server.close();
      await dropTestDatabase();
    },
    restart: async () => {
      await testServer.server.close();
      testServer.server = createPlatformServer({ env, logger: pino({ level: env.LOG_LEVEL }) });
      await testServer.server.listen(port, '127.0.0.1');
    },
  };
  return testServer;
}
