import { Router } from 'express';
import { DISCUSSION_LIMITS, routes, type NotificationList } from '@common-ground/shared';
import { requireUser } from '../../middlewares/authenticate.ts';
import { NotificationModel } from '../../models/Notification.ts';
import { presentNotification } from '../../presenters/presentNotification.ts';
import { trusted } from '../../database/trusted.ts';
import { registerRoute } from '../registerRoute.ts';

/** The signed-in person's notifications: list newest first, and mark read. */
export function notificationsRouter(): Router {
  const router = Router();

  registerRoute(router, routes.listNotifications, async (_input, req, res) => {
    const caller = requireUser(req);
    const userId = caller.user.id;
    const [notifications, unreadCount] = await Promise.all([
      NotificationModel.find({ userId })
        .sort({ createdAt: -1 })
        .limit(DISCUSSION_LIMITS.notificationsPageSize)
        .lean(),
      NotificationModel.countDocuments({ userId, readAt: null }),
    ]);
    const body: NotificationList = { notifications: notifications.map(presentNotification), unreadCount };
    res.json(body);
  });

  registerRoute(router, routes.markNotificationsRead, async ({ body }, req, res) => {
    const caller = requireUser(req);
    const userId = caller.user.id;
    const filter = body.all
      ? { userId, readAt: null }
      : { userId, readAt: null, _id: trusted({ $in: body.ids ?? [] }) };
    await NotificationModel.updateMany(filter, { $set: { readAt: new Date() } });
    res.json({ unreadCount: await NotificationModel.countDocuments({ userId, readAt: null }) });
  });

  return router;
}
