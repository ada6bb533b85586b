const queues = new Map<string, Promise<unknown>>();

/**
 * Runs changes to one meeting one after another on this instance, so two quick presses ("take off a minute" twice)
 * both count instead of both reading the same clock. Whoever runs a meeting drives it from one connection, so this
 * covers the real case; two runners on two instances at the same moment still resolve last-writer-wins.
 */
export function oneAtATime<T>(meetingId: string, change: () => Promise<T>): Promise<T> {
  const before = queues.get(meetingId) ?? Promise.resolve();
  const run = before.then(change, change);
  const settled = run.catch(() => undefined);
  queues.set(meetingId, settled);
  void settled.then(() => {
    if (queues.get(meetingId) === settled) queues.delete(meetingId);
  });
  return run;
}
