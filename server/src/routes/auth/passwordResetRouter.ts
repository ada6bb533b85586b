import { Router, type Request } from 'express';
import { routes } from '@common-ground/shared';
import type { AppContext } from '../../AppContext.ts';
import { recordAudit } from '../../audit/recordAudit.ts';
import { resetPassword, sendPasswordReset } from '../../commands/account/passwordResetter.ts';
import { mailNotConfigured } from '../../mail/createMailer.ts';
import { sendInBackground } from '../../mail/sendInBackground.ts';
import { passwordChangedEmail } from '../../mail/templates/accountEmails.ts';
import { rateLimit } from '../../middlewares/rateLimit.ts';
import { clearSessionCookie } from '../../middlewares/authenticate.ts';
import { publicOrigin } from '../publicOrigin.ts';
import { registerRoute } from '../registerRoute.ts';

const FIFTEEN_MINUTES = 15 * 60_000;
const emailOf = (req: Request) =>
  String((req.body as { email?: unknown } | undefined)?.email ?? '')
    .trim()
    .toLowerCase();

/** A way back in: ask for a reset link by email, then set a new password with it. */
export function passwordResetRouter({ env, logger, services }: AppContext): Router {
  const router = Router();
  const { mailer } = services;

  registerRoute(
    router,
    routes.requestPasswordReset,
    [
      rateLimit(env, { bucket: 'password-reset-ip', limit: 20, windowMs: FIFTEEN_MINUTES }),
      rateLimit(env, { bucket: 'password-reset-address', limit: 3, windowMs: 60 * 60_000, key: emailOf }),
    ],
    async ({ body }, req, res) => {
      if (!mailer.canSend) throw mailNotConfigured();
      const origin = publicOrigin(env, req);
      // Not awaited: an unknown address must get the same answer, just as fast.
      sendInBackground(logger, 'password-reset', async () => {
        const sent = await sendPasswordReset(
          mailer,
          body.email,
          (token) => `${origin}/reset-password/${token}`,
        );
        if (sent) await recordAudit('auth.password.resetRequested', { req, actorUserId: sent.userId });
      });
      res.status(202).end();
    },
  );

  registerRoute(
    router,
    routes.resetPassword,
    [rateLimit(env, { bucket: 'password-reset-use', limit: 20, windowMs: FIFTEEN_MINUTES })],
    async ({ body }, req, res) => {
      const { userId, email } = await resetPassword(services.accessEvents, body.token, body.password);
      await recordAudit('auth.password.reset', { req, actorUserId: userId });
      const signIn = `${publicOrigin(env, req)}/sign-in`;
      if (email)
        sendInBackground(logger, 'password-changed', () => mailer.send(passwordChangedEmail(email, signIn)));
      // Every session of the account ended, this browser's included if it had one.
      clearSessionCookie(res);
      res.status(204).end();
    },
  );

  return router;
}
