import { AppError } from '../../errors.ts';
import { RoomCounterModel } from '../../models/RoomCounter.ts';
import { isDuplicateKey } from '../../database/isDuplicateKey.ts';

/*
 * How a room's sequence numbers stay gap-free and duplicate-free across instances, without transactions:
 *
 * 1. A number is allocated with one atomic `$inc` on the room's counter document, so two instances never get the
 *    same one.
 * 2. The record is inserted with that number; `(roomId, seq)` is a unique index. A failed insert is retried with the
 *    SAME number (a fresh number would leave a hole) for at most INSERT_BUDGET_MS.
 * 3. Readers only ever return the contiguous run after the client's cursor: if seq 5 is still being inserted while 6
 *    is stored, a reader stops at 4 and the client gets 5 and 6 a moment later, in order. A live `message:new` for 6
 *    may overtake 5; the client notices the jump and catches up from its cursor.
 * 4. If an instance dies between steps 1 and 2 the hole would be permanent, so a reader that finds a hole older than
 *    LOST_AFTER_MS (far longer than the insert budget) fills it with a `lost` filler through the same unique index.
 *    Should the real insert arrive after all, it loses the race on the index and simply takes a new number.
 *
 * Allocating the number and writing the record in one document operation would avoid step 4, but would need either
 * the whole room in one document or an optimistic "max + 1" insert loop that retries under every concurrent send;
 * the counter keeps sends from contending and the filler handles the rare crash.
 */

const INSERT_BUDGET_MS = 3_000;
/** A hole this old (measured from the record after it) belongs to a dead writer. */
export const LOST_AFTER_MS = 10_000;
const MAX_ALLOCATIONS = 5;

/**
 * Hands out the next `count` numbers of a room's sequence (`${roomId}:messages` or `${roomId}:changes`); returns the
 * last of them.
 */
export async function allocate(counterId: string, count = 1): Promise<number> {
  const increment = () =>
    RoomCounterModel.findOneAndUpdate(
      { _id: counterId },
      { $inc: { seq: count } },
      { upsert: true, new: true },
    ).lean();
  // Two first sends in a room both try to create the counter; FerretDB does not retry the losing upsert, so we do.
  const counter = await increment().catch((error: unknown) =>
    isDuplicateKey(error) ? increment() : Promise.reject(error),
  );
  if (!counter) throw new AppError('unavailable', 'Could not number the message. Please try again.');
  return counter.seq;
}

/**
 * Inserts a record under the next sequence number. `insert(seq)` writes it; when it hits a unique index,
 * `onDuplicate(seq)` either returns the record that already exists (an idempotent retry; it must then fill `seq`, which
 * nothing else will use) or null, meaning the number was taken by a filler and a new one is needed.
 */
export function appendInSequence<T>(
  counterId: string,
  insert: (seq: number) => Promise<T>,
  onDuplicate: (seq: number) => Promise<T | null>,
): Promise<T> {
  // One append at a time per room in this process: writers on one hot counter only queue up in the database (and
  // FerretDB over SQLite retries conflicting writes), and in-process order also keeps live events in seq order.
  // Other instances still contend through the counter and the unique index, which is what keeps numbering correct.
  const previous = queues.get(counterId) ?? Promise.resolve();
  const run = previous.then(() => append(counterId, insert, onDuplicate));
  const tail = run.then(
    () => undefined,
    () => undefined,
  );
  queues.set(counterId, tail);
  void tail.then(() => queues.get(counterId) === tail && queues.delete(counterId));
  return run;
}

const queues = new Map<string, Promise<void>>();

async function append<T>(
  counterId: string,
  insert: (seq: number) => Promise<T>,
  onDuplicate: (seq: number) => Promise<T | null>,
): Promise<T> {
  for (let allocation = 0; allocation < MAX_ALLOCATIONS; allocation++) {
    const seq = await allocate(counterId);
    const started = Date.now();
    for (let attempt = 0; ; attempt++) {
      try {
        return await insert(seq);
      } catch (error) {
        if (isDuplicateKey(error)) {
          const existing = await onDuplicate(seq);
          if (existing) return existing;
          break;
        }
        if (Date.now() - started + 100 * 2 ** attempt > INSERT_BUDGET_MS) {
          throw new AppError('unavailable', 'The message could not be stored. Please try again.');
        }
        await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
      }
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
 * Reads up to `limit` records after `after` and returns only the contiguous run, filling holes left by dead writers
 * (see above). `fetch(after, limit)` returns records with seq > after in order; `fill(seqs)` stores fillers.
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
