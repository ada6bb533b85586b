import mongoose from 'mongoose';
import { connectDatabase } from '../database/connectDatabase.ts';
import { loadEnv } from '../env.ts';
import { createLogger } from '../logger.ts';
import { createMailer } from '../mail/createMailer.ts';
import { DigestSchedule } from './DigestSchedule.ts';

/**
 * Runs one digest round now, as each instance's timer does (`MONGODB_URI=... tsx server/src/digest/sendDigestsScript.ts`):
 * digests already sent for their period are not sent again, so it is safe beside running instances.
 */
const env = loadEnv();
const logger = createLogger(env);
if (!env.MONGODB_URI) {
  logger.error('MONGODB_URI must be set to send digests');
  process.exit(78);
}
await connectDatabase(env.MONGODB_URI, { timeoutMs: env.DATABASE_TIMEOUT_MS, logger });
const mailer = createMailer(env, logger);
const schedule = new DigestSchedule({
  mailer,
  logger,
  origin: env.PUBLIC_ORIGIN ?? `http://localhost:${env.PORT}`,
  sendHour: env.DIGEST_HOUR,
  checkEveryMs: 0,
});
logger.info(await schedule.tick(), 'digest round done');
await mailer.close();
await mongoose.disconnect();
