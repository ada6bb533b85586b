import { Router } from 'express';
import { can, DISCUSSION_LIMITS, routes, type MessageHistory } from '@common-ground/shared';
import { latestSequence, readMessages } from '../../queries/messageHistory.ts';
import { requireCaller } from '../../middlewares/authenticate.ts';
import { authorize } from '../../policies/authorize.ts';
import { loadRoomForCaller } from '../../policies/roomPolicy.ts';
import { presentMessage } from '../../presenters/presentMessage.ts';
import { registerRoute } from '../registerRoute.ts';

/** A room's discussion history over HTTP: the same page, policy and DTOs as the socket `room:join`. */
export function roomMessagesRouter(): Router {
  const router = Router();

  registerRoute(router, routes.listMessages, async ({ params: { id }, query }, req, res) => {
    const caller = requireCaller(req);
    const { after = 0, limit = DISCUSSION_LIMITS.pageSize } = query;
    const { role } = await loadRoomForCaller(caller, id);
    authorize(role, 'discussion.read');
    const [page, latest] = await Promise.all([readMessages(id, after, limit), latestSequence(id)]);
    const canModerate = can(role, 'room.moderate');
    const body: MessageHistory = {
      messages: page.messages.map((message) => presentMessage(message, { canModerate })),
      hasMore: page.hasMore,
      latestSeq: latest.latestSeq,
    };
    res.json(body);
  });

  return router;
}
