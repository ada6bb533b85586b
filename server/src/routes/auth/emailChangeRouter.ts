import { Router } from 'express';
import { routes } from '@common-ground/shared';
import type { AppContext } from '../../AppContext.ts';
import { recordAudit } from '../../audit/recordAudit.ts';
import { confirmEmailChange } from '../../commands/account/emailChanger.ts';
import { sendInBackground } from '../../mail/sendInBackground.ts';
import { emailChangedEmail } from '../../mail/templates/accountEmails.ts';
import { rateLimit } from '../../middlewares/rateLimit.ts';
import { registerRoute } from '../registerRoute.ts';

/** Confirming a new email address from the link sent to it (signed in or not: the link is the proof). */
export function emailChangeRouter({ env, logger, services }: AppContext): Router {
  const router = Router();

  registerRoute(
    router,
    routes.confirmEmailChange,
    [rateLimit(env, { bucket: 'email-change-confirm', limit: 20, windowMs: 15 * 60_000 })],
    async ({ body }, req, res) => {
      const { userId, email, previousEmail } = await confirmEmailChange(body.token);
      await recordAudit('auth.email.changed', { req, actorUserId: userId });
      sendInBackground(logger, 'email-changed', () =>
        services.mailer.send(emailChangedEmail(previousEmail, email)),
      );
      res.json({ email });
    },
  );

  return router;
}
