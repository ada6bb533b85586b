import { Router } from 'express';
import { routes } from '@common-ground/shared';
import { requireUser } from '../../middlewares/authenticate.ts';
import { authorize } from '../../policies/authorize.ts';
import { loadCommunityForCaller } from '../../policies/communityPolicy.ts';
import { presentAuditEvents } from '../../presenters/presentAuditEvent.ts';
import { communityAuditLog } from '../../queries/communityAuditLog.ts';
import { registerRoute } from '../registerRoute.ts';

/** `GET /api/communities/:id/audit`: the community's audit log, for the people who may read it. */
export function auditLogRouter(): Router {
  const router = Router();
  registerRoute(
    router,
    routes.getCommunityAuditLog,
    async ({ params: { id }, query: { before } }, req, res) => {
      const { role } = await loadCommunityForCaller(requireUser(req), id);
      authorize(role, 'community.audit');
      const { page, nextBefore } = await communityAuditLog(id, before);
      res.json({ events: await presentAuditEvents(page), nextBefore });
    },
  );
  return router;
}
