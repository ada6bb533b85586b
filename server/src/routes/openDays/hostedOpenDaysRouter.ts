import { Router } from 'express';
import { routes } from '@common-ground/shared';
import type { AppContext } from '../../AppContext.ts';
import { recordAudit } from '../../audit/recordAudit.ts';
import { cancelOpenDay, updateOpenDay } from '../../commands/openDays/openDayEditor.ts';
import { scheduleOpenDay } from '../../commands/openDays/openDayScheduler.ts';
import { requireUser } from '../../middlewares/authenticate.ts';
import { OpenDayModel } from '../../models/OpenDay.ts';
import { authorize } from '../../policies/authorize.ts';
import { loadCommunityForCaller } from '../../policies/communityPolicy.ts';
import { loadHostedOpenDay } from '../../policies/openDayPolicy.ts';
import { presentHostedOpenDay } from '../../presenters/presentOpenDay.ts';
import { publicOrigin } from '../publicOrigin.ts';
import { registerRoute } from '../registerRoute.ts';
import { openDayMailContext } from './openDayMailContext.ts';

const HOST = { host: true };

/** Scheduling, changing and cancelling open days (capability 'openday.host'). */
export function hostedOpenDaysRouter(context: AppContext): Router {
  const router = Router();
  const { env, services } = context;

  registerRoute(router, routes.createOpenDay, async ({ params: { id }, body }, req, res) => {
    const caller = requireUser(req);
    const { role } = await loadCommunityForCaller(caller, id);
    authorize(role, 'openday.host');
    openDayMailContext(context, req);
    const openDay = await scheduleOpenDay(caller, id, body);
    await recordAudit('openDay.scheduled', {
      req,
      communityId: id,
      roomId: String(openDay.roomId),
      detail: { openDayId: String(openDay._id), title: openDay.title },
    });
    res.status(201).json({ openDay: await presentHostedOpenDay(openDay, publicOrigin(env, req), HOST) });
  });

  registerRoute(router, routes.listOpenDays, async ({ params: { id } }, req, res) => {
    const caller = requireUser(req);
    const { role } = await loadCommunityForCaller(caller, id);
    authorize(role, 'openday.host');
    const openDays = await OpenDayModel.find({ communityId: id }).sort({ startsAt: -1 });
    const origin = publicOrigin(env, req);
    res.json({
      openDays: await Promise.all(openDays.map((openDay) => presentHostedOpenDay(openDay, origin, HOST))),
    });
  });

  registerRoute(router, routes.getHostedOpenDay, async ({ params: { id } }, req, res) => {
    const { openDay } = await loadHostedOpenDay(requireUser(req), id);
    res.json({ openDay: await presentHostedOpenDay(openDay, publicOrigin(env, req), HOST) });
  });

  registerRoute(router, routes.updateOpenDay, async ({ params: { id }, body }, req, res) => {
    const { openDay } = await loadHostedOpenDay(requireUser(req), id);
    const updated = await updateOpenDay(openDayMailContext(context, req), openDay, body);
    await recordAudit('openDay.changed', {
      req,
      communityId: String(openDay.communityId),
      roomId: String(openDay.roomId),
      detail: { openDayId: id, fields: Object.keys(body).join(',') },
    });
    res.json({ openDay: await presentHostedOpenDay(updated, publicOrigin(env, req), HOST) });
  });

  registerRoute(router, routes.cancelOpenDay, async ({ params: { id }, body }, req, res) => {
    const { openDay } = await loadHostedOpenDay(requireUser(req), id);
    const updated = await cancelOpenDay(
      openDayMailContext(context, req),
      services.accessEvents,
      openDay,
      body.reason,
    );
    await recordAudit('openDay.cancelled', {
      req,
      communityId: String(openDay.communityId),
      roomId: String(openDay.roomId),
      detail: { openDayId: id },
    });
    res.json({ openDay: await presentHostedOpenDay(updated, publicOrigin(env, req), HOST) });
  });

  return router;
}
