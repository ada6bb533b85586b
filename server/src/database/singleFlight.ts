/**
 * Wraps a read so that calls for the same key made while one is in flight share its answer instead of each asking
 * the database: a crowd opening one document at once costs one query, not one per person. Nothing is kept once the
 * read settles, so no answer is older than the moment it was asked for. Callers must treat the shared answer as
 * read-only.
 */
export function singleFlight<V>(read: (key: string) => Promise<V>): (key: string) => Promise<V> {
  const inFlight = new Map<string, Promise<V>>();
  return (key) => {
    const pending = inFlight.get(key);
    if (pending) return pending;
    const started = read(key).finally(() => inFlight.delete(key));
    inFlight.set(key, started);
    return started;
  };
}
