import { Router } from 'express';
import { routes, type CommunityRole } from '@common-ground/shared';
import { recordAudit } from '../../audit/recordAudit.ts';
import { acceptInvitation, findUsableInvitation } from '../../commands/invitationAccepter.ts';
import { requireUser } from '../../middlewares/authenticate.ts';
import { CommunityModel } from '../../models/Community.ts';
import { presentMembership } from '../../presenters/presentCommunity.ts';
import { registerRoute } from '../registerRoute.ts';

/** Looking at and accepting an invitation link. */
export function invitationsRouter(): Router {
  const router = Router();

  registerRoute(router, routes.previewInvitation, async ({ params: { token } }, req, res) => {
    requireUser(req);
    const invitation = await findUsableInvitation(token);
    const community = await CommunityModel.findById(invitation.communityId, { name: 1 }).lean();
    res.json({
      invitation: {
        communityName: community?.name ?? '',
        role: invitation.role as CommunityRole,
        email: invitation.email,
        expiresAt: invitation.expiresAt.toISOString(),
      },
    });
  });

  registerRoute(router, routes.acceptInvitation, async ({ params: { token } }, req, res) => {
    const caller = requireUser(req);
    const membership = await acceptInvitation(caller, token);
    await recordAudit('invitation.accepted', { req, communityId: String(membership.communityId) });
    res.json({ membership: presentMembership(membership) });
  });

  return router;
}
