import { idParamsSchema } from '../schemas/common.ts';
import {
  digestResponseSchema,
  markNotificationsReadBodySchema,
  messageHistoryQuerySchema,
  messageHistorySchema,
  notificationListSchema,
  unreadCountSchema,
} from '../schemas/discussions.ts';
import { defineRoute } from './HttpRoute.ts';

/** The discussions capability's HTTP routes (the rest of it is Socket.IO: see realtime/socketEvents.ts). */
export const discussionRoutes = {
  listMessages: defineRoute({
    method: 'get',
    path: '/api/rooms/{id}/messages',
    summary: "A room's discussion after a sequence number, oldest first (same page as the socket room:join)",
    auth: 'user-or-visitor',
    params: idParamsSchema,
    query: messageHistoryQuerySchema,
    status: 200,
    response: messageHistorySchema,
  }),
  listNotifications: defineRoute({
    method: 'get',
    path: '/api/notifications',
    summary: 'Your notifications, newest first, with the unread count',
    auth: 'user',
    status: 200,
    response: notificationListSchema,
  }),
  markNotificationsRead: defineRoute({
    method: 'post',
    path: '/api/notifications/read',
    summary: 'Mark some or all of your notifications read',
    auth: 'user',
    body: markNotificationsReadBodySchema,
    status: 200,
    response: unreadCountSchema,
  }),
  getDigest: defineRoute({
    method: 'get',
    path: '/api/me/digest',
    summary: 'A preview of your digest: what changed in your rooms since your last visit',
    auth: 'user',
    status: 200,
    response: digestResponseSchema,
  }),
};
