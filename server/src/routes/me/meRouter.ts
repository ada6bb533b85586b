import { Router } from 'express';
import { routes, type UserResponse } from '@common-ground/shared';
import { AppError } from '../../errors.ts';
import { UserModel } from '../../models/User.ts';
import { presentUser } from '../../presenters/presentUser.ts';
import { registerRoute } from '../registerRoute.ts';

/** `GET /api/me`: the signed-in user, or 401. */
export function meRouter(): Router {
  const router = Router();
  registerRoute(router, routes.getMe, async (_input, req, res) => {
    // Visitors have no account: for them, as for anyone signed out, there is no "me".
    if (req.caller?.kind !== 'user') throw new AppError('unauthenticated', 'Sign in to continue.');
    const user = await UserModel.findById(req.caller.user.id);
    if (!user) throw new AppError('unauthenticated', 'Sign in to continue.');
    const response: UserResponse = { user: await presentUser(user) };
    res.json(response);
  });
  return router;
}
