import type { AppContext } from '../AppContext.ts';
import { AppError } from '../errors.ts';
import type { LiveDocuments } from './LiveDocuments.ts';

/**
 * The live documents of this process, through the collaboration server's seams (`context.services.collaboration`).
 * Resolved on each call because the collaboration server is created after the routes.
 */
export function liveDocumentsOf(context: AppContext): LiveDocuments {
  const collaboration = () => {
    const server = context.services.collaboration;
    if (!server)
      throw new AppError('unavailable', 'Live documents are not available on this server right now.');
    return server;
  };
  return {
    read: (documentId) => collaboration().readDocument(documentId),
    applyUpdate: async (documentId, update) => {
      try {
        await collaboration().applyServerUpdate(documentId, update);
      } catch (error) {
        if (error instanceof Error && /full/.test(error.message))
          throw new AppError('conflict', 'The document is full, so this change cannot be added to it.');
        throw error;
      }
    },
    onPersisted: (listener) => collaboration().onPersisted((event) => listener(event.documentId)),
  };
}
