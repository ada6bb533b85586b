import type { ReadState } from '@common-ground/shared';
import { ReadMarkerModel } from '../../models/ReadMarker.ts';
import { isDuplicateKey } from '../../database/isDuplicateKey.ts';

const ROOM_SCOPE = 'room';

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

/** A person's read markers in one room. */
export async function readStateFor(userId: string | null, roomId: string): Promise<ReadState> {
  const state: ReadState = { lastReadSeq: 0, threads: {} };
  if (!userId) return state;
  for (const marker of await ReadMarkerModel.find({ userId, roomId }).lean()) {
    if (marker.scope === ROOM_SCOPE) state.lastReadSeq = marker.lastReadSeq;
    else state.threads[marker.scope] = marker.lastReadSeq;
  }
  return state;
}
