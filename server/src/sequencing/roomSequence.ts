import { AppError } from '../errors.ts';
import { isDuplicateKey } from '../database/isDuplicateKey.ts';
import { SequenceHintModel } from '../models/SequenceHint.ts';

/*
 * How a room's sequence numbers (its messages, and its change feed) stay gap-free and duplicate-free across
 * instances, without transactions or in-process queues: the unique `(roomId, seq)` index is the only arbiter.
 *
 * 1. A writer tries to insert its record under the number after the highest one it knows is stored: a hint read by
 *    `_id` (SequenceHint), or on a room's first write a scan for its highest number.
 * 2. If the number is taken, by another writer on any instance, the insert fails on the unique index and the writer
 *    tries the next one (or further, if the hint has moved on). Someone succeeded, so the room always advances.
 * 3. After a successful insert the writer raises the hint. The hint only ever names numbers that are stored, so it
 *    may lag (a lost `$max` costs a few more tries) but never runs ahead: a number is only taken by inserting a record
 *    under it, and records are never removed (a deleted message stays as a tombstone). A writer that dies at any point
 *    therefore leaves no hole, and numbers rise by exactly one.
 * 4. Readers still return only the contiguous run after the client's cursor, and fill any hole older than
 *    LOST_AFTER_MS with a `lost` filler through the same unique index. The writers above leave no holes, but rooms
 *    numbered by the earlier counter scheme can hold them, and a reader must never wait on a number forever.
 *
 * The cost is contention: k writers racing in one room make O(k) inserts each, each settled by the index.
 * Rooms are conversations between people, so k stays small.
 */

/** How long a writer keeps retrying errors other than a lost race (the database being briefly unavailable). */
const INSERT_BUDGET_MS = 3_000;
/** A hole this old (measured from the record after it) will never be filled by a writer. */
export const LOST_AFTER_MS = 10_000;
/** Lost races one append may take before giving up; far more than any room sees. */
const MAX_RACES = 1_000;

/** The highest number known to be stored: the hint, or `scanLatest()` when the sequence has none yet. */
async function knownLatest(hintId: string, scanLatest: () => Promise<number>): Promise<number> {
  const hint = await SequenceHintModel.findById(hintId).lean();
  return hint ? hint.seq : scanLatest();
}

/** Raises the hint to a number that is now stored; losing this write only costs later writers a few tries. */
async function raiseHint(hintId: string, seq: number): Promise<void> {
  await SequenceHintModel.updateOne({ _id: hintId }, { $max: { seq } }, { upsert: true }).catch(
    () => undefined,
  );
}

/**
 * Inserts a record under a sequence's next number. `hintId` names the sequence (`${roomId}:messages`); `scanLatest()`
 * reads its highest stored number, for when there is no hint yet; `insert(seq)` writes the record. When the insert hits
 * a unique index, `onDuplicate(seq)` returns the record if it already exists (an idempotent retry that another attempt
 * stored first), or null: the number was taken, so a later one is tried.
 */
export async function appendInSequence<T>(
  hintId: string,
  scanLatest: () => Promise<number>,
  insert: (seq: number) => Promise<T>,
  onDuplicate: (seq: number) => Promise<T | null>,
): Promise<T> {
  const started = Date.now();
  let seq = (await knownLatest(hintId, scanLatest)) + 1;
  for (let attempt = 0, races = 0; races < MAX_RACES;) {
    try {
      const record = await insert(seq);
      await raiseHint(hintId, seq);
      return record;
    } catch (error) {
      if (isDuplicateKey(error)) {
        const existing = await onDuplicate(seq);
        if (existing) return existing;
        races += 1;
        // Writers that lost together would otherwise all try the same next number again: spread them out a little.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(races, 10) * 2));
        seq = Math.max(seq + 1, (await knownLatest(hintId, scanLatest)) + 1);
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
