import mongoose from 'mongoose';
import { connectDatabase } from '../database/connectDatabase.ts';
import { loadEnv } from '../env.ts';
import { createLogger } from '../logger.ts';
import { LogDigestTransport } from './DigestTransport.ts';
import { sendDigests } from './sendDigests.ts';

/** Sends one round of digests (run from a scheduler: `MONGODB_URI=... tsx server/src/digest/sendDigestsScript.ts`). */
const env = loadEnv();
const logger = createLogger(env);
if (!env.MONGODB_URI) {
  logger.error('MONGODB_URI must be set to send digests');
  process.exit(78);
}
await connectDatabase(env.MONGODB_URI, { timeoutMs: env.DATABASE_TIMEOUT_MS, logger });
const sent = await sendDigests(new LogDigestTransport(logger));
logger.info({ sent }, 'digests sent');
await mongoose.disconnect();
