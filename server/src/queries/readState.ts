import type { ReadState } from '@common-ground/shared';
import { ReadMarkerModel, ROOM_SCOPE } from '../models/ReadMarker.ts';

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
