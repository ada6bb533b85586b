import { Router } from 'express';
import { routes } from '@common-ground/shared';
import { turnOffEmail } from '../../commands/account/mailPreferenceChanger.ts';
import { AppError } from '../../errors.ts';
import { readUnsubscribeToken } from '../../mail/unsubscribeTokens.ts';
import { UserModel } from '../../models/User.ts';
import { registerRoute } from '../registerRoute.ts';

const notGenuine = () =>
  new AppError(
    'not_found',
    'This unsubscribe link does not work. Change your email settings after signing in.',
  );

async function personOf(token: string) {
  const named = await readUnsubscribeToken(token);
  if (!named || !(await UserModel.exists({ _id: named.userId }))) throw notGenuine();
  return named;
}

/**
 * Unsubscribe links, which work without signing in: the signed token names the person and the kind of email.
 * Opening the page changes nothing (mail scanners open links); its button, or a mail client's one-click POST, turns
 * the email off.
 */
export function unsubscribeRouter(): Router {
  const router = Router();

  registerRoute(router, routes.checkUnsubscribe, async ({ params: { token } }, _req, res) => {
    const { kind } = await personOf(token);
    res.json({ kind });
  });

  registerRoute(router, routes.unsubscribe, async ({ params: { token } }, _req, res) => {
    const { userId, kind } = await personOf(token);
    await turnOffEmail(userId, kind);
    res.json({ kind });
  });

  return router;
}
