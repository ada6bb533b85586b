import mongoose from 'mongoose';
import type { Logger } from '../logger.ts';

mongoose.set('strictQuery', 'throw');
// Operators inside filters must be wrapped with trusted() from ./trusted.ts, or they are matched literally.
mongoose.set('sanitizeFilter', true);
mongoose.set('autoIndex', true);
// Mongoose captures a stack trace on every query only to explain re-executing one; at hundreds of upgrades a second
// that capture (source-mapped in development) was several per cent of the server's CPU.
mongoose.set('skipOriginalStackTraces', true);

/** Connects mongoose, retrying until `timeoutMs` passes, then fails with a message that says what to check. */
export async function connectDatabase(
  uri: string,
  options: { timeoutMs: number; logger: Logger },
): Promise<typeof mongoose> {
  const deadline = Date.now() + options.timeoutMs;
  let attempt = 0;
  for (;;) {
    attempt += 1;
    try {
      await mongoose.connect(uri, {
        serverSelectionTimeoutMS: Math.min(5000, options.timeoutMs),
        maxPoolSize: 20,
      });
      await mongoose.connection.db?.admin().ping();
      options.logger.info({ database: redactUri(uri), attempt }, 'database connected');
      return mongoose;
    } catch (error) {
      await mongoose.disconnect().catch(() => undefined);
      if (Date.now() >= deadline) {
        throw new Error(
          `Could not reach the database at ${redactUri(uri)} within ${options.timeoutMs} ms ` +
            `(${(error as Error).message}). Check MONGODB_URI, or unset it to start a local database.`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

/** Pings the database with a short deadline; used by `/readyz`. */
export async function pingDatabase(
  timeoutMs = 1000,
): Promise<{ reachable: boolean; latencyMs: number | null }> {
  const started = performance.now();
  const db = mongoose.connection.db;
  if (!db || mongoose.connection.readyState !== 1) return { reachable: false, latencyMs: null };
  try {
    await Promise.race([
      db.admin().ping(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), timeoutMs)),
    ]);
    return { reachable: true, latencyMs: Math.round(performance.now() - started) };
  } catch {
    return { reachable: false, latencyMs: null };
  }
}

/** The URI with any password hidden, for logs and messages. */
export function redactUri(uri: string): string {
  return uri.replace(/\/\/([^:@/]+):([^@/]+)@/, '//$1:***@');
}
