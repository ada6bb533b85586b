import { ReadMarkerModel, ROOM_SCOPE } from '../../models/ReadMarker.ts';
import { isDuplicateKey } from '../../database/isDuplicateKey.ts';

/** Moves a person's read marker forward (never back) in a room or one thread. */
export async function markRead(
  userId: string,
  roomId: string,
  threadId: string | undefined,
  seq: number,
): Promise<void> {
  const update = () =>
    ReadMarkerModel.updateOne(
      { userId, roomId, scope: threadId ?? ROOM_SCOPE },
      { $max: { lastReadSeq: seq }, $set: { updatedAt: new Date() } },
      { upsert: true },
    );
  // Two first marks racing both try to insert; the loser's retry then updates the winner's marker.
  await update().catch((error: unknown) => (isDuplicateKey(error) ? update() : Promise.reject(error)));
}
