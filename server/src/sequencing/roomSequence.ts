import { AppError } from '../errors.ts';
import { isDuplicateKey } from '../database/isDuplicateKey.ts';

/*
 * How a room's sequence numbers (its messages, and its change feed) stay gap-free and duplicate-free across
 * instances, without transactions, counters or in-process queues: the unique `(roomId, seq)` index is the only arbiter.
 *
 * 1. A writer reads the highest number stored in the room and inserts its record under the next one.
 * 2. If another writer, on this instance or any other, got there first, the insert fails on the unique index; the
 *    writer reads the highest number again and tries the next one. Someone succeeded, so the room always advances.
 * 3. A number is only ever taken by inserting a record under it, and records are never removed (a deleted message
 *    stays as a tombstone), so a writer that dies at any point leaves no hole: numbers rise by exactly one.
 * 4. Readers still return only the contiguous run after the client's cursor, and fill any hole older than
 *    LOST_AFTER_MS with a `lost` filler through the same unique index. Holes cannot arise from step 1, but rooms
 *    numbered by the earlier counter scheme can hold them, and a reader must never wait on a number forever.
 *
 * The cost is contention: k writers racing in one room make O(k) attempts each. Rooms are conversations between
 * people, so k stays small; the discussion benchmark measures it.
 */

/** How long a writer keeps retrying errors other than a lost race (the database being briefly unavailable). */
const INSERT_BUDGET_MS = 3_000;
/** A hole this old (measured from the record after it) will never be filled by a writer. */
export const LOST_AFTER_MS = 10_000;
/** Lost races one append may take before giving up; far more than any room sees. */
const MAX_RACES = 1_000;

/**
 * Inserts a record under the room's next number. `latest()` reads the highest number stored; `insert(seq)` writes the
 * record. When the insert hits a unique index, `onDuplicate(seq)` returns the record if it already exists (an
 * idempotent retry that another attempt stored first), or null: the number was taken, so the next one is tried.
 */
export async function appendInSequence<T>(
  latest: () => Promise<number>,
  insert: (seq: number) => Promise<T>,
  onDuplicate: (seq: number) => Promise<T | null>,
): Promise<T> {
  const started = Date.now();
  for (let attempt = 0, races = 0; races < MAX_RACES;) {
    const seq = (await latest()) + 1;
    try {
      return await insert(seq);
    } catch (error) {
      if (isDuplicateKey(error)) {
        const existing = await onDuplicate(seq);
        if (existing) return existing;
        races += 1;
        continue;
      }
      if (error instanceof AppError) throw error;
      const backoff = 100 * 2 ** attempt++;
      if (Date.now() - started + backoff > INSERT_BUDGET_MS)
        throw new AppError('unavailable', 'The message could not be stored. Please try again.');
      await new Promise((resolve) => setTimeout(resolve, backoff));
    }
  }
  throw new AppError('unavailable', 'The message could not be stored. Please try again.');
}

/** A stored record's position and time, which is all the contiguous reader needs. */
export interface Sequenced {
  seq: number;
  createdAt: Date;
}

/**
 * Reads up to `limit` records after `after` and returns only the contiguous run, filling holes that can no longer be
 * filled by a writer (see above). `fetch(after, limit)` returns records with seq > after in order; `fill(seqs)` stores
 * fillers.
 */
export async function readInSequence<T extends Sequenced>(
  after: number,
  limit: number,
  fetch: (after: number, limit: number) => Promise<T[]>,
  fill: (seqs: number[]) => Promise<void>,
): Promise<{ items: T[]; hasMore: boolean }> {
  for (let pass = 0; pass < 2; pass++) {
    const records = await fetch(after, limit + 1);
    const run: T[] = [];
    let holeBefore: T | null = null;
    for (const record of records) {
      if (record.seq !== after + run.length + 1) {
        holeBefore = record;
        break;
      }
      run.push(record);
    }
    if (
      holeBefore &&
      run.length < limit &&
      pass === 0 &&
      Date.now() - holeBefore.createdAt.getTime() > LOST_AFTER_MS
    ) {
      const missing: number[] = [];
      for (let seq = after + run.length + 1; seq < holeBefore.seq && missing.length < limit; seq++)
        missing.push(seq);
      await fill(missing);
      continue;
    }
    return { items: run.slice(0, limit), hasMore: run.length > limit };
  }
  return { items: [], hasMore: false };
}

/** Inserts fillers, ignoring numbers a real record took in the meantime. */
export async function insertFillers(insertMany: () => Promise<unknown>): Promise<void> {
  try {
    await insertMany();
  } catch (error) {
    const writeErrors = (error as { writeErrors?: unknown[] }).writeErrors;
    if (!isDuplicateKey(error) && !writeErrors) throw error;
  }
}
