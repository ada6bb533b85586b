import { lazy, Suspense } from 'react';
import type { Room } from '@common-ground/shared';

// The editor (Tiptap, ProseMirror, Yjs) is most of the client's weight; only room pages load it.
const LiveDocument = lazy(() => import('./LiveDocument.tsx'));

/** The room's live learning document, loaded on demand. */
export function DocumentPanel({ room }: { room: Room }) {
  return (
    <Suspense
      fallback={
        <section aria-labelledby="document-heading">
          <h2 id="document-heading">Learning document</h2>
          <p role="status">Loading the document…</p>
        </section>
      }
    >
      <LiveDocument room={room} />
    </Suspense>
  );
}
