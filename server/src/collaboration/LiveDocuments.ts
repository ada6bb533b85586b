import type * as Y from 'yjs';

/**
 * What routes, document history and jobs need from the live documents (DocumentRegistry implements it): the current content of a document, and a way to make a
 * server-side change that is stored and broadcast like any client's edit. Kept as an interface so history never
 * reaches into the collaboration internals, and so a multi-instance relay can sit behind it unchanged.
 */
export interface LiveDocuments {
  /** A private copy of the document as it stands now (loaded in memory or read from storage). */
  read(documentId: string): Promise<Y.Doc>;
  /**
   * Applies a Yjs update as a normal change: stored durably, then sent to every connection on the document. Rejects
   * with DocumentFullError (a 409 AppError) when the document is at its size cap.
   */
  applyUpdate(documentId: string, update: Uint8Array): Promise<void>;
  /** Calls `listener` after updates to a document are durably stored; returns the function that stops listening. */
  onPersisted(listener: (documentId: string) => void): () => void;
}
