import { Router } from 'express';
import { routes } from '@common-ground/shared';
import type { AppContext } from '../../AppContext.ts';
import { recordAudit } from '../../audit/recordAudit.ts';
import { sendEmailVerification, verifyEmail } from '../../commands/account/emailVerifier.ts';
import { joinByEmailDomain } from '../../commands/organisations/domainJoiner.ts';
import { alertJoinRequest } from '../../commands/organisations/joinRequestAlerter.ts';
import { AppError } from '../../errors.ts';
import { mailNotConfigured } from '../../mail/createMailer.ts';
import { sendInBackground } from '../../mail/sendInBackground.ts';
import { requireUser } from '../../middlewares/authenticate.ts';
import { rateLimit } from '../../middlewares/rateLimit.ts';
import { publicOrigin } from '../publicOrigin.ts';
import { registerRoute } from '../registerRoute.ts';

const FIFTEEN_MINUTES = 15 * 60_000;

/** Verifying the address given at sign-up (the link is the proof, signed in or not), and sending a new link. */
export function emailVerificationRouter({ env, logger, services }: AppContext): Router {
  const router = Router();

  registerRoute(
    router,
    routes.verifyEmail,
    [rateLimit(env, { bucket: 'email-verify', limit: 20, windowMs: FIFTEEN_MINUTES })],
    async ({ body }, req, res) => {
      const { userId, email } = await verifyEmail(body.token);
      await recordAudit('auth.email.verified', { req, actorUserId: userId });
      const organisationId = await joinByEmailDomain(userId);
      if (organisationId) {
        const url = `${publicOrigin(env, req)}/organisation`;
        sendInBackground(logger, 'join-request', () =>
          alertJoinRequest(services.mailer, organisationId, userId, url),
        );
      }
      res.json({ email });
    },
  );

  registerRoute(
    router,
    routes.resendEmailVerification,
    [rateLimit(env, { bucket: 'email-verify-resend', limit: 5, windowMs: 60 * 60_000 })],
    async (_input, req, res) => {
      const caller = requireUser(req);
      if (caller.user.emailVerified)
        throw new AppError('conflict', 'Your email address is already verified.');
      if (!services.mailer.canSend) throw mailNotConfigured();
      const origin = publicOrigin(env, req);
      await sendEmailVerification(services.mailer, caller.user, (token) => `${origin}/verify-email/${token}`);
      res.status(202).end();
    },
  );

  return router;
}
