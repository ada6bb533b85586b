import { isClosedRoom, RATE_LIMITS, type RoomKind } from '@common-ground/shared';
import type { Mailer } from '../../mail/Mailer.ts';
import { hitRateLimit } from '../../middlewares/rateLimit.ts';
import { mentionEmail } from '../../mail/templates/mentionEmail.ts';
import { unsubscribeLinkFor } from '../../mail/unsubscribeLinkFor.ts';
import type { NotificationRecord } from '../../models/Notification.ts';
import { UserModel } from '../../models/User.ts';
import { wantsEmail } from '../../queries/mailPreferences.ts';

/**
 * Emails each person a new message mentioned, unless they turned mention emails off or were emailed about that room
 * in the last ten minutes. It runs once, on the instance that stored the message (a retried send creates no
 * notifications, so no second email). Returns how many were sent.
 */
export async function emailMentions(
  mailer: Mailer,
  notifications: NotificationRecord[],
  room: { kind: string },
  origin: string,
): Promise<number> {
  if (!mailer.canSend) return 0;
  let sent = 0;
  for (const notification of notifications) {
    if (notification.kind !== 'mention') continue;
    const userId = String(notification.userId);
    if (!(await wantsEmail(userId, 'mention'))) continue;
    // A busy conversation sends one email per room and ten minutes, not one per message.
    const { limit, windowMs } = RATE_LIMITS.mentionEmailsPerRoom;
    const roomId = String(notification.roomId);
    if (!(await hitRateLimit('mention-email', `${userId}:${roomId}`, limit, windowMs)).allowed) continue;
    const user = await UserModel.findById(userId, { email: 1 }).lean();
    if (!user) continue;
    await mailer.send(
      mentionEmail({
        to: user.email,
        roomTitle: notification.roomTitle,
        confidential: isClosedRoom(room.kind as RoomKind),
        actorName: notification.actorName,
        excerpt: notification.excerpt,
        url: `${origin}/rooms/${roomId}`,
        unsubscribe: await unsubscribeLinkFor(userId, 'mention', origin),
      }),
    );
    sent++;
  }
  return sent;
}
