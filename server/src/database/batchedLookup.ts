import { trusted } from './trusted.ts';

type Waiting<V> = Map<string, Array<{ resolve(value: V | null): void; reject(error: unknown): void }>>;

/** Reads one loader may have in flight at once; keys asked meanwhile wait and travel together in the next one. */
const MAX_READS_IN_FLIGHT = 4;

/**
 * Gathers single-record reads into few queries, as group commit gathers writes: keys asked in the same turn of the
 * event loop, or while the loader already has its reads in flight, are read together by the next `readMany`. When
 * hundreds of people reconnect at once (an instance restarted), their sessions, accounts and memberships are read in
 * a handful of queries instead of one round trip each; when nothing else is asked, a read goes at once. `readMany`
 * answers the keys it found; a key it did not find resolves to null. Each batch is read fresh, so no answer is older
 * than the moment it was asked for. Should a whole batch fail (one key the database refuses, say), each key is read
 * alone, so one bad key fails only its own caller. Callers must treat an answer as read-only: a key asked twice in
 * one batch shares it.
 */
export function batchedLookup<V>(
  readMany: (keys: string[]) => Promise<Map<string, V>>,
): (key: string) => Promise<V | null> {
  let waiting: Waiting<V> | null = null;
  let scheduled = false;
  let reading = 0;

  const start = () => {
    scheduled = false;
    if (!waiting || reading >= MAX_READS_IN_FLIGHT) return;
    const batch = waiting;
    waiting = null;
    reading += 1;
    void read(batch, readMany).finally(() => {
      reading -= 1;
      start();
    });
  };

  return (key) =>
    new Promise<V | null>((resolve, reject) => {
      waiting ??= new Map();
      const callers = waiting.get(key) ?? [];
      callers.push({ resolve, reject });
      waiting.set(key, callers);
      if (!scheduled && reading < MAX_READS_IN_FLIGHT) {
        scheduled = true;
        setImmediate(start);
      }
    });
}

async function read<V>(batch: Waiting<V>, readMany: (keys: string[]) => Promise<Map<string, V>>) {
  const keys = [...batch.keys()];
  try {
    const found = await readMany(keys);
    for (const [key, callers] of batch) for (const caller of callers) caller.resolve(found.get(key) ?? null);
  } catch (error) {
    if (keys.length === 1) {
      for (const caller of batch.get(keys[0]!)!) caller.reject(error);
      return;
    }
    await Promise.all(
      keys.map(async (key) => {
        const callers = batch.get(key)!;
        try {
          const value = (await readMany([key])).get(key) ?? null;
          for (const caller of callers) caller.resolve(value);
        } catch (alone) {
          for (const caller of callers) caller.reject(alone);
        }
      }),
    );
  }
}

/**
 * A filter value matching any of `values`: plain equality for one (FerretDB answers that from its index, while it
 * scans the collection for `$in`), `$in` for several.
 */
export function anyOf<T>(values: T[]): T | { $in: T[] } {
  return values.length === 1 ? values[0]! : trusted({ $in: values });
}
