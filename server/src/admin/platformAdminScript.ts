import mongoose from 'mongoose';
import { setPlatformAdmin } from '../commands/platformAdmins.ts';
import { connectDatabase } from '../database/connectDatabase.ts';
import { loadEnv } from '../env.ts';
import { createLogger } from '../logger.ts';

/**
 * Grants or revokes the platform administrator role, run by the operator on a machine that reaches the database:
 * `MONGODB_URI=... pnpm --filter @common-ground/server platform-admin grant someone@example.gov.uk`.
 */
const env = loadEnv();
const logger = createLogger(env);
const [action, email] = process.argv.slice(2);
if ((action !== 'grant' && action !== 'revoke') || !email) {
  logger.error('usage: platform-admin grant|revoke <email>');
  process.exit(64);
}
if (!env.MONGODB_URI) {
  logger.error('MONGODB_URI must be set');
  process.exit(78);
}
await connectDatabase(env.MONGODB_URI, { timeoutMs: env.DATABASE_TIMEOUT_MS, logger });
const found = await setPlatformAdmin(email, action === 'grant');
logger.info(
  { email, action, found },
  found ? 'platform administrator role updated' : 'no account has that address',
);
await mongoose.disconnect();
process.exit(found ? 0 : 1);
