import { Router, type Request } from 'express';
import { routes } from '@common-ground/shared';
import type { AppContext } from '../../AppContext.ts';
import { recordAudit } from '../../audit/recordAudit.ts';
import { checkCurrentPassword, changePassword } from '../../commands/account/passwordChanger.ts';
import { requestEmailChange } from '../../commands/account/emailChanger.ts';
import { mailNotConfigured } from '../../mail/createMailer.ts';
import { sendInBackground } from '../../mail/sendInBackground.ts';
import { passwordChangedEmail } from '../../mail/templates/accountEmails.ts';
import { requireUser } from '../../middlewares/authenticate.ts';
import { rateLimit } from '../../middlewares/rateLimit.ts';
import { publicOrigin } from '../publicOrigin.ts';
import { registerRoute } from '../registerRoute.ts';

const bySession = (req: Request) => req.caller?.sessionId ?? req.ip ?? '';

/** The signed-in person's own password and email address. */
export function credentialsRouter({ env, logger, services }: AppContext): Router {
  const router = Router();

  registerRoute(
    router,
    routes.changePassword,
    [rateLimit(env, { bucket: 'password-change', limit: 10, windowMs: 15 * 60_000, key: bySession })],
    async ({ body }, req, res) => {
      const caller = requireUser(req);
      const ended = await changePassword(
        services.accessEvents,
        caller,
        body.currentPassword,
        body.newPassword,
      );
      await recordAudit('auth.password.changed', { req, detail: { otherSessionsEnded: ended } });
      if (services.mailer.canSend) {
        const notice = passwordChangedEmail(caller.user.email, `${publicOrigin(env, req)}/sign-in`);
        sendInBackground(logger, 'password-changed', () => services.mailer.send(notice));
      }
      res.status(204).end();
    },
  );

  registerRoute(
    router,
    routes.requestEmailChange,
    [rateLimit(env, { bucket: 'email-change', limit: 10, windowMs: 60 * 60_000, key: bySession })],
    async ({ body }, req, res) => {
      const caller = requireUser(req);
      if (!services.mailer.canSend) throw mailNotConfigured();
      await checkCurrentPassword(caller, body.password, 'password');
      const origin = publicOrigin(env, req);
      await requestEmailChange(
        services.mailer,
        caller,
        body.email,
        (token) => `${origin}/confirm-email/${token}`,
      );
      await recordAudit('auth.email.changeRequested', { req });
      res.status(202).end();
    },
  );

  return router;
}
