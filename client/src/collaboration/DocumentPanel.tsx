import type { Room } from '@common-ground/shared';

/** The room's live learning document (filled by the co-editing work). */
export function DocumentPanel({ room }: { room: Room }) {
  return (
    <section aria-labelledby="document-heading">
      <h2 id="document-heading">Learning document</h2>
      <p className="hint">The live document for {room.title} will appear here.</p>
    </section>
  );
}
