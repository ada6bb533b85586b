import { connectDatabase, redactUri } from './database/connectDatabase.ts';
import { startLocalDatabase, type LocalDatabase } from './database/localDatabase.ts';
import { loadEnv } from './env.ts';
import { createLogger } from './logger.ts';
import { createPlatformServer } from './server.ts';
import mongoose from 'mongoose';

const SHUTDOWN_DEADLINE_MS = 5000;

const env = loadEnv();
const logger = createLogger(env);

let localDatabase: LocalDatabase | null = null;
let uri = env.MONGODB_URI;
if (!uri) {
  try {
    localDatabase = await startLocalDatabase({ dataDir: env.DATA_DIR, logger });
  } catch (error) {
    // E.g. another server still runs on this DATA_DIR, or FerretDB could not be built: say so in one line.
    logger.fatal((error as Error).message);
    process.exit(1);
  }
  uri = localDatabase.uri;
  logger.info(
    { kind: localDatabase.kind, dataDir: localDatabase.dataDir },
    `started local ${localDatabase.kind}; data lives in ${localDatabase.dataDir}`,
  );
} else {
  logger.info({ database: redactUri(uri) }, 'using MONGODB_URI');
}

try {
  await connectDatabase(uri, { timeoutMs: env.DATABASE_TIMEOUT_MS, logger });
} catch (error) {
  logger.fatal((error as Error).message);
  await localDatabase?.stop();
  process.exit(1);
}

const server = createPlatformServer({ env, logger });
const port = await server.listen(env.PORT, env.HOST);
logger.info({ port }, `Common Ground is listening on http://localhost:${port}`);

let shuttingDown = false;
async function shutdown(signal: string): Promise<void> {
  if (shuttingDown) return;
  shuttingDown = true;
  logger.info({ signal }, 'shutting down');
  const forced = setTimeout(() => {
    logger.error('shutdown took longer than 5 s; exiting anyway');
    process.exit(1);
  }, SHUTDOWN_DEADLINE_MS);
  forced.unref();
  try {
    await server.close();
    await mongoose.disconnect();
    await localDatabase?.stop();
    logger.info('shutdown complete');
    logger.flush();
    process.exit(0);
  } catch (error) {
    logger.error({ err: error }, 'shutdown failed');
    process.exit(1);
  }
}
process.once('SIGTERM', () => void shutdown('SIGTERM'));
process.once('SIGINT', () => void shutdown('SIGINT'));
