import type { AppContext } from '../app.ts';
import { DocumentStore } from '../collaboration/DocumentStore.ts';
import type { LiveDocuments } from './LiveDocuments.ts';

const store = new DocumentStore();

/** The live documents of this process, through the collaboration server's seams. */
export function liveDocumentsOf(_context: AppContext): LiveDocuments {
  return {
    read: async (documentId) => (await store.load(documentId)).doc,
    applyUpdate: async (documentId, update) => {
      // Placeholder until the collaboration server exposes its seam: append to the log at the next free seq.
      for (let attempt = 0; attempt < 5; attempt += 1) {
        const loaded = await store.load(documentId);
        try {
          await store.append(documentId, loaded.seq + 1, update, 1);
          return;
        } catch (error) {
          if ((error as Error).name !== 'SeqConflictError') throw error;
        }
      }
      throw new Error('could not store the update');
    },
    onPersisted: () => () => {},
  };
}
