/**
 * Gathers single-record reads made during one turn of the event loop into one query: when hundreds of people
 * reconnect at once (an instance restarted), their sessions, accounts and memberships are read in a handful of
 * `$in` queries instead of one round trip each. `readMany` answers the keys it found; a key it did not find resolves
 * to null. Each batch is read fresh, so no answer is older than the moment it was asked for. Should the whole batch
 * fail (one key the database refuses, say), each key is read alone, so one bad key fails only its own caller.
 * Callers must treat an answer as read-only: a key asked twice in one batch shares it.
 */
export function batchedLookup<V>(
  readMany: (keys: string[]) => Promise<Map<string, V>>,
): (key: string) => Promise<V | null> {
  let waiting: Map<string, Array<{ resolve(value: V | null): void; reject(error: unknown): void }>> | null =
    null;

  const flush = async (batch: NonNullable<typeof waiting>) => {
    const keys = [...batch.keys()];
    try {
      const found = await readMany(keys);
      for (const [key, callers] of batch)
        for (const caller of callers) caller.resolve(found.get(key) ?? null);
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
  };

  return (key) =>
    new Promise<V | null>((resolve, reject) => {
      if (!waiting) {
        const batch = (waiting = new Map());
        setImmediate(() => {
          waiting = null;
          void flush(batch);
        });
      }
      const callers = waiting.get(key) ?? [];
      callers.push({ resolve, reject });
      waiting.set(key, callers);
    });
}
