/**
 * `./run demo` (or `pnpm demo`): fills an empty database with the fictional demo community and prints how to sign in.
 * Uses the local database in DATA_DIR unless MONGODB_URI is set; refuses a database that already holds data, and
 * refuses to run with NODE_ENV=production, since everyone in the demo shares one published password.
 */
import mongoose from 'mongoose';
import { connectDatabase } from '../database/connectDatabase.ts';
import { startLocalDatabase, type LocalDatabase } from '../database/localDatabase.ts';
import { loadEnv } from '../env.ts';
import { createLogger } from '../logger.ts';
import { DemoRefusedError, fillDemoDatabase, type DemoSummary } from './fillDemoDatabase.ts';

function describe(summary: DemoSummary, origin: string, where: string): string {
  const width = Math.max(...summary.people.map((person) => person.email.length));
  const lines = [
    `Filled ${where} with the demo community "${summary.communityName}".`,
    '',
    `Start the app with ./run start, open ${origin}/sign-in and sign in as anyone below.`,
    `Every demo account's password is: ${summary.password}`,
    '',
    ...summary.people.map(
      (person) =>
        `  ${person.email.padEnd(width)}  ${person.role.padEnd(11)}  ${person.displayName}, ${person.organisationName}: ${person.about}`,
    ),
    '',
    'Rooms:',
    ...summary.rooms.map((room) => `  ${room.kind.padEnd(12)}  ${room.title}  ${origin}/rooms/${room.id}`),
    '',
    `Open-day visitor link (no account, read-only; shown only now): ${origin}/visit/${summary.visitorToken}`,
  ];
  return `${lines.join('\n')}\n`;
}

const env = loadEnv();
const logger = createLogger({
  NODE_ENV: env.NODE_ENV,
  LOG_LEVEL: env.LOG_LEVEL === 'info' ? 'warn' : env.LOG_LEVEL,
});
if (env.NODE_ENV === 'production') {
  process.stderr.write(
    'The demo does not run with NODE_ENV=production: its accounts share a published password.\n',
  );
  process.exit(1);
}

let localDatabase: LocalDatabase | null = null;
let exitCode = 0;
try {
  localDatabase = env.MONGODB_URI ? null : await startLocalDatabase({ dataDir: env.DATA_DIR, logger });
  await connectDatabase(env.MONGODB_URI ?? localDatabase!.uri, {
    timeoutMs: env.DATABASE_TIMEOUT_MS,
    logger,
  });
  const summary = await fillDemoDatabase();
  const origin = env.PUBLIC_ORIGIN ?? `http://localhost:${env.PORT}`;
  const where = localDatabase
    ? `the local database in ${localDatabase.dataDir}`
    : 'the database at MONGODB_URI';
  process.stdout.write(describe(summary, origin, where));
} catch (error) {
  exitCode = 1;
  if (error instanceof DemoRefusedError) process.stderr.write(`Not filling the demo: ${error.message}\n`);
  else process.stderr.write(`The demo failed: ${(error as Error).stack ?? String(error)}\n`);
} finally {
  await mongoose.disconnect();
  await localDatabase?.stop();
}
process.exit(exitCode);
