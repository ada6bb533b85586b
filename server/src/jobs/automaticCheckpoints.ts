import type { Logger } from '../logger.ts';
import { takeCheckpoint } from '../commands/documentHistory.ts';
import type { LiveDocuments } from '../collaboration/LiveDocuments.ts';

/** How often one instance asks the database whether a document is due a checkpoint, at most. */
const CHECK_EVERY_MS = 60_000;
const MAX_TRACKED = 10_000;

/**
 * Takes automatic checkpoints while people edit: after updates are stored, each document is checked at most once a
 * minute per instance, and {@link takeCheckpoint} stores at most one per ten-minute window across all instances.
 * Returns the function that stops listening.
 */
export function startAutomaticCheckpoints(live: LiveDocuments, logger: Logger): () => void {
  const lastChecked = new Map<string, number>();
  return live.onPersisted((documentId) => {
    const now = Date.now();
    if (now - (lastChecked.get(documentId) ?? 0) < CHECK_EVERY_MS) return;
    if (lastChecked.size >= MAX_TRACKED) {
      for (const [id, at] of lastChecked) if (now - at >= CHECK_EVERY_MS) lastChecked.delete(id);
    }
    lastChecked.set(documentId, now);
    takeCheckpoint(live, documentId, now).catch((error: unknown) =>
      logger.warn({ err: error, documentId }, 'could not take an automatic checkpoint; will try again later'),
    );
  });
}
