import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import mongoose from 'mongoose';
import { pino } from 'pino';
import { connectDatabase } from '../../server/src/database/connectDatabase.ts';

/** The run's database URI with a database name of this test file's own. */
export function testDatabaseUri(): string {
  const base = new URL(inject('mongoUri'));
  base.pathname = `/t_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  return base.toString();
}

/** Connects this test file's mongoose to a fresh database of its own (in the run's database server, or `uri`'s). */
export async function connectTestDatabase(uri = testDatabaseUri()): Promise<string> {
  await connectDatabase(uri, { timeoutMs: 20_000, logger: pino({ level: 'silent' }) });
  return uri;
}

/** Drops this file's database and disconnects. */
export async function dropTestDatabase(): Promise<void> {
  await mongoose.connection.db?.dropDatabase().catch(() => undefined);
  await mongoose.disconnect();
}
