import type { Types } from 'mongoose';
import { isDuplicateKey } from '../../database/isDuplicateKey.ts';
import { NotificationModel } from '../../models/Notification.ts';
import type { RoomRecord } from '../../models/Room.ts';

/** Partnership notifications come from the platform itself, not from a person. */
const FROM_PLATFORM = 'Common Ground';

/**
 * Tells people something about a partnership in their notifications. `about` is the stored thing the notice is about
 * (a quiet-spell claim, a sponsor change), so a notice repeated for the same thing is stored once per person.
 */
export async function notifyAboutPartnership(
  room: RoomRecord,
  userIds: string[],
  kind: 'partnership-check-in' | 'partnership-still-quiet' | 'partnership-recontract',
  about: Types.ObjectId,
  excerpt: string,
): Promise<void> {
  await Promise.all(
    userIds.map((userId) =>
      NotificationModel.create({
        userId,
        kind,
        roomId: room._id,
        roomTitle: room.title,
        messageId: about,
        actorId: room._id,
        actorName: FROM_PLATFORM,
        excerpt,
      }).catch((error: unknown) => {
        if (!isDuplicateKey(error)) throw error;
      }),
    ),
  );
}
