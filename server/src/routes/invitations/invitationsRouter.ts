import { Router } from 'express';
import { invitationAbilities, routes, type CommunityRole } from '@common-ground/shared';
import { recordAudit } from '../../audit/recordAudit.ts';
import { acceptInvitation, findUsableInvitation } from '../../commands/invitationAccepter.ts';
import { requireUser } from '../../middlewares/authenticate.ts';
import { authorizeAbility } from '../../policies/authorize.ts';
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
    const invitation = await findUsableInvitation(token);
    authorizeAbility(
      invitationAbilities(caller.user, invitation).accept,
      `This invitation is for ${invitation.email}. Sign in with that address to accept it.`,
    );
    const membership = await acceptInvitation(caller, invitation);
    await recordAudit('invitation.accepted', { req, communityId: String(membership.communityId) });
    res.json({ membership: presentMembership(membership) });
  });

  return router;
}
