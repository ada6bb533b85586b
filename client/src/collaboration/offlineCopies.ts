/** Prefix of the IndexedDB databases that hold an editor's offline copies of documents. */
const OFFLINE_PREFIX = 'common-ground-doc:';

/** The IndexedDB name for a document's offline copy on this device. */
export function offlineCopyName(documentId: string): string {
  return `${OFFLINE_PREFIX}${documentId}`;
}

/**
 * Deletes every offline document copy on this device, so the next person on a shared computer never sees (or sends
 * under their own name) what the previous one typed. Best effort: browsers without `indexedDB.databases()` keep them.
 */
export async function forgetOfflineCopies(): Promise<void> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return;
  const databases = await indexedDB.databases().catch(() => []);
  await Promise.all(
    databases
      .map((database) => database.name)
      .filter((name): name is string => Boolean(name?.startsWith(OFFLINE_PREFIX)))
      .map(
        (name) =>
          new Promise<void>((resolve) => {
            const request = indexedDB.deleteDatabase(name);
            request.onsuccess = request.onerror = request.onblocked = () => resolve();
          }),
      ),
  );
}
