import { Router } from 'express';
import { invitationAbilities, invitationTokenParamsSchema, type CommunityRole } from '@common-ground/shared';
import { recordAudit } from '../../audit/recordAudit.ts';
import { acceptInvitation, findUsableInvitation } from '../../commands/invitationAccepter.ts';
import { requireUser } from '../../middlewares/authenticate.ts';
import { validateParams } from '../../middlewares/validate.ts';
import { authorizeAbility } from '../../policies/authorize.ts';
import { CommunityModel } from '../../models/Community.ts';
import { presentMembership } from '../../presenters/presentCommunity.ts';

/** Looking at and accepting an invitation link. */
export function invitationsRouter(): Router {
  const router = Router();

  router.get('/:token', async (req, res) => {
    requireUser(req);
    const { token } = validateParams(invitationTokenParamsSchema, req);
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

  router.post('/:token/accept', async (req, res) => {
    const caller = requireUser(req);
    const { token } = validateParams(invitationTokenParamsSchema, req);
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
