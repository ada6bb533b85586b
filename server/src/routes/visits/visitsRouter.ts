import { Router } from 'express';
import { RATE_LIMITS, routes } from '@common-ground/shared';
import type { AppContext } from '../../AppContext.ts';
import { recordAudit } from '../../audit/recordAudit.ts';
import { createVisitorSession, endSession } from '../../auth/sessionStore.ts';
import { admitVisitor } from '../../commands/visitorPasses.ts';
import { AppError } from '../../errors.ts';
import { setSessionCookie } from '../../middlewares/authenticate.ts';
import { rateLimit } from '../../middlewares/rateLimit.ts';
import { RoomModel } from '../../models/Room.ts';
import { presentVisit } from '../../presenters/presentVisit.ts';
import { registerRoute } from '../registerRoute.ts';

/** Open-day visits: a pass link plus a display name gives a read-only session for that one room. */
export function visitsRouter({ env, services }: AppContext): Router {
  const router = Router();

  registerRoute(
    router,
    routes.startVisit,
    [rateLimit(env, { bucket: 'visits', ...RATE_LIMITS.visits })],
    async ({ body }, req, res) => {
      const pass = await admitVisitor(body.token);
      const room = await RoomModel.findById(pass.roomId);
      if (!room) throw new AppError('gone', 'This open day has ended.');
      // The visit replaces whatever session this browser had; its open sockets close too.
      if (req.caller) {
        await endSession(req.caller.sessionId);
        await services.accessEvents.publish({ type: 'session.ended', sessionId: req.caller.sessionId });
      }
      const session = await createVisitorSession(
        {
          passId: String(pass._id),
          roomId: String(room._id),
          displayName: body.displayName,
          passExpiresAt: pass.expiresAt,
        },
        env,
      );
      setSessionCookie(req, res, session.token, session.expiresAt);
      await recordAudit('visit.started', {
        req,
        roomId: String(room._id),
        passId: String(pass._id),
        communityId: String(room.communityId),
        detail: { displayName: body.displayName },
      });
      const response = await presentVisit(
        { id: session.visitorId, displayName: body.displayName, expiresAt: session.expiresAt },
        room,
      );
      res.json(response);
    },
  );

  registerRoute(router, routes.getCurrentVisit, async (_input, req, res) => {
    const caller = req.caller;
    if (caller?.kind !== 'visitor')
      throw new AppError('unauthenticated', 'There is no open-day visit in progress.');
    const room = await RoomModel.findById(caller.roomId);
    if (!room) throw new AppError('gone', 'This open day has ended.');
    const response = await presentVisit({ ...caller.visitor, expiresAt: caller.expiresAt }, room);
    res.json(response);
  });

  return router;
}
