import { isClosedRoom, type RoomKind } from '@common-ground/shared';
import type { Mailer } from '../../mail/Mailer.ts';
import { mentionEmail } from '../../mail/templates/mentionEmail.ts';
import { unsubscribeLinkFor } from '../../mail/unsubscribeLinkFor.ts';
import type { NotificationRecord } from '../../models/Notification.ts';
import { UserModel } from '../../models/User.ts';
import { wantsEmail } from '../../queries/mailPreferences.ts';

/**
 * Emails each person a new message mentioned, unless they turned mention emails off. It runs once, on the instance
 * that stored the message (a retried send creates no notifications, so no second email). Returns how many were sent.
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
    const user = await UserModel.findById(userId, { email: 1 }).lean();
    if (!user) continue;
    await mailer.send(
      mentionEmail({
        to: user.email,
        roomTitle: notification.roomTitle,
        confidential: isClosedRoom(room.kind as RoomKind),
        actorName: notification.actorName,
        excerpt: notification.excerpt,
        url: `${origin}/rooms/${String(notification.roomId)}`,
        unsubscribe: await unsubscribeLinkFor(userId, 'mention', origin),
      }),
    );
    sent++;
  }
  return sent;
}
