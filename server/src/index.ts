export { createPlatformServer, type PlatformServer } from './server.ts';
export { parseEnv, type Env } from './env.ts';
export { createLogger } from './logger.ts';
export { connectDatabase } from './database/connectDatabase.ts';
export { startLocalDatabase, freePort, type LocalDatabase } from './database/localDatabase.ts';
