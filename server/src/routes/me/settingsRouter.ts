import { Router } from 'express';
import { routes } from '@common-ground/shared';
import { changeMailPreferences } from '../../commands/account/mailPreferenceChanger.ts';
import { AppError } from '../../errors.ts';
import { requireUser } from '../../middlewares/authenticate.ts';
import { UserModel } from '../../models/User.ts';
import { presentUser } from '../../presenters/presentUser.ts';
import { mailPreferencesOf } from '../../queries/mailPreferences.ts';
import { myOrganisations } from '../../queries/myOrganisations.ts';
import { registerRoute } from '../registerRoute.ts';

/** The signed-in person's own settings: display name, email preferences, and their organisations. */
export function settingsRouter(): Router {
  const router = Router();

  registerRoute(router, routes.getSettings, async (_input, req, res) => {
    const caller = requireUser(req);
    const [preferences, organisations] = await Promise.all([
      mailPreferencesOf(caller.user.id),
      myOrganisations(caller.user.id),
    ]);
    res.json({ preferences, organisations });
  });

  registerRoute(router, routes.updateMailPreferences, async ({ body }, req, res) => {
    const caller = requireUser(req);
    res.json({ preferences: await changeMailPreferences(caller.user.id, body) });
  });

  registerRoute(router, routes.updateProfile, async ({ body }, req, res) => {
    const caller = requireUser(req);
    // Messages keep the name they were posted under; mentions and people lists use the new one from now on.
    const user = await UserModel.findByIdAndUpdate(
      caller.user.id,
      { $set: { displayName: body.displayName } },
      { new: true },
    );
    if (!user) throw new AppError('unauthenticated', 'Sign in to continue.');
    res.json({ user: await presentUser(user) });
  });

  return router;
}
