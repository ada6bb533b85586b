import { Router } from 'express';
import { isClosedRoom, routes, type RoomKind } from '@common-ground/shared';
import type { AppContext } from '../../AppContext.ts';
import { recordAudit } from '../../audit/recordAudit.ts';
import { issueVisitorPass, revokeVisitorPass } from '../../commands/visitorPasses.ts';
import { requireCaller, requireUser } from '../../middlewares/authenticate.ts';
import { VisitorPassModel } from '../../models/VisitorPass.ts';
import { authorize } from '../../policies/authorize.ts';
import { loadRoomForCaller, roomStandingOf } from '../../policies/roomPolicy.ts';
import { learningSetStateFor } from '../../queries/learningSets.ts';
import { presentRoom } from '../../presenters/presentRoom.ts';
import { presentVisitorPass } from '../../presenters/presentVisitorPass.ts';
import { publicOrigin } from '../publicOrigin.ts';
import { registerRoute } from '../registerRoute.ts';

/** A room, and the visitor passes of open-day rooms. */
export function roomsRouter({ env, services }: AppContext): Router {
  const router = Router();

  registerRoute(router, routes.getRoom, async ({ params: { id } }, req, res) => {
    const caller = requireCaller(req);
    const { room, role } = await loadRoomForCaller(caller, id);
    authorize(role, 'room.view');
    const learningSet =
      isClosedRoom(room.kind as RoomKind) && caller.kind === 'user'
        ? await learningSetStateFor(id, caller.user.id, await roomStandingOf(caller, room))
        : null;
    res.json({ room: await presentRoom(room, role, learningSet) });
  });

  registerRoute(router, routes.createVisitorPass, async ({ params: { id }, body }, req, res) => {
    const caller = requireUser(req);
    const { room, role } = await loadRoomForCaller(caller, id);
    authorize(role, 'visitorPass.manage');
    const { pass, token } = await issueVisitorPass(caller.user.id, room, body);
    await recordAudit('visitorPass.created', {
      req,
      roomId: id,
      passId: String(pass._id),
      communityId: String(room.communityId),
    });
    res.status(201).json({ pass: presentVisitorPass(pass, { token, origin: publicOrigin(env, req) }) });
  });

  registerRoute(router, routes.listVisitorPasses, async ({ params: { id } }, req, res) => {
    const { role } = await loadRoomForCaller(requireUser(req), id);
    authorize(role, 'visitorPass.manage');
    const passes = await VisitorPassModel.find({ roomId: id }).sort({ createdAt: -1 }).limit(200);
    res.json({ passes: passes.map((pass) => presentVisitorPass(pass)) });
  });

  registerRoute(router, routes.revokeVisitorPass, async ({ params: { id, passId } }, req, res) => {
    const { room, role } = await loadRoomForCaller(requireUser(req), id);
    authorize(role, 'visitorPass.manage');
    await revokeVisitorPass(services.accessEvents, id, passId);
    await recordAudit('visitorPass.revoked', {
      req,
      roomId: id,
      passId,
      communityId: String(room.communityId),
    });
    res.status(204).end();
  });

  return router;
}
