import { Router } from 'express';
import {
  can,
  DISCUSSION_LIMITS,
  idParamsSchema,
  messageHistoryQuerySchema,
  type MessageHistory,
} from '@common-ground/shared';
import { latestSequence, readMessages } from '../../queries/messageHistory.ts';
import { requireCaller } from '../../middlewares/authenticate.ts';
import { validateParams, validateQuery } from '../../middlewares/validate.ts';
import { authorize } from '../../policies/authorize.ts';
import { loadRoomForCaller } from '../../policies/roomPolicy.ts';
import { presentMessage } from '../../presenters/presentMessage.ts';

/** A room's discussion history over HTTP: the same page, policy and DTOs as the socket `room:join`. */
export function messagesRouter(): Router {
  const router = Router();

  router.get('/:id/messages', async (req, res) => {
    const caller = requireCaller(req);
    const { id } = validateParams(idParamsSchema, req);
    const { after = 0, limit = DISCUSSION_LIMITS.pageSize } = validateQuery(messageHistoryQuerySchema, req);
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
