import { Router } from 'express';
import { routes } from '@common-ground/shared';
import type { AppContext } from '../../AppContext.ts';
import { recordAudit } from '../../audit/recordAudit.ts';
import { emailInvitation, renewInvitationLink } from '../../commands/invitationEmailer.ts';
import { mailNotConfigured } from '../../mail/createMailer.ts';
import { requireUser } from '../../middlewares/authenticate.ts';
import { rateLimit } from '../../middlewares/rateLimit.ts';
import { authorize } from '../../policies/authorize.ts';
import { loadCommunityForCaller } from '../../policies/communityPolicy.ts';
import { presentInvitation } from '../../presenters/presentInvitation.ts';
import { publicOrigin } from '../publicOrigin.ts';
import { registerRoute } from '../registerRoute.ts';

/** Sending an unused invitation again, with a fresh link. */
export function invitationResendRouter({ env, logger, services }: AppContext): Router {
  const router = Router();

  registerRoute(
    router,
    routes.resendInvitation,
    [
      rateLimit(env, {
        bucket: 'invitations',
        limit: 50,
        windowMs: 60 * 60_000,
        key: (req) => req.caller?.sessionId ?? req.ip ?? '',
      }),
    ],
    async ({ params: { id, invitationId } }, req, res) => {
      const { role } = await loadCommunityForCaller(requireUser(req), id);
      authorize(role, 'member.invite');
      if (!services.mailer.canSend) throw mailNotConfigured();
      const { invitation, token } = await renewInvitationLink(id, invitationId);
      const created = { token, origin: publicOrigin(env, req) };
      const link = presentInvitation(invitation, created);
      const emailed = await emailInvitation(services.mailer, logger, invitation, link.url ?? '');
      await recordAudit('invitation.resent', { req, communityId: id });
      // Not emailed (the transport failed): the facilitator still has the fresh link to share by hand.
      res.json({ invitation: { ...link, emailed } });
    },
  );

  return router;
}
