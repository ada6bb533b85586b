import { Router } from 'express';
import { routes, type SessionResponse } from '@common-ground/shared';
import { UserModel } from '../../models/User.ts';
import { RoomModel } from '../../models/Room.ts';
import { presentUser } from '../../presenters/presentUser.ts';
import { presentVisit } from '../../presenters/presentVisit.ts';
import { registerRoute } from '../registerRoute.ts';

/** `GET /api/session`: who this browser is (user, visitor or nobody), always 200 so pages can ask on every load. */
export function sessionRouter(): Router {
  const router = Router();
  registerRoute(router, routes.getSession, async (_input, req, res) => {
    const caller = req.caller;
    let body: SessionResponse = { session: null };
    if (caller?.kind === 'user') {
      const user = await UserModel.findById(caller.user.id);
      if (user) body = { session: { kind: 'user', user: await presentUser(user) } };
    } else if (caller?.kind === 'visitor') {
      const room = await RoomModel.findById(caller.roomId);
      if (room) {
        const visit = await presentVisit({ ...caller.visitor, expiresAt: caller.expiresAt }, room);
        body = { session: { kind: 'visitor', visit } };
      }
    }
    res.setHeader('Cache-Control', 'no-store');
    res.json(body);
  });
  return router;
}
