import type { Room } from '@common-ground/shared';

/** The room's discussion (filled by the discussions work). */
export function DiscussionPanel({ room }: { room: Room }) {
  return (
    <section aria-labelledby="discussion-heading">
      <h2 id="discussion-heading">Discussion</h2>
      <p className="hint">The discussion for {room.title} will appear here.</p>
    </section>
  );
}
