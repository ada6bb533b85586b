import { Router } from 'express';
import { INNOVATION_LIMITS, routes } from '@common-ground/shared';
import { createInnovation, updateInnovation } from '../../commands/innovations/innovationRecorder.ts';
import { requireUser } from '../../middlewares/authenticate.ts';
import { InnovationModel } from '../../models/Innovation.ts';
import { InnovationChangeModel } from '../../models/InnovationChange.ts';
import { authorize, authorizeAbility } from '../../policies/authorize.ts';
import { loadCommunityForCaller } from '../../policies/communityPolicy.ts';
import { loadInnovationForCaller, sourceAbilities } from '../../policies/innovationPolicy.ts';
import {
  presentInnovation,
  presentInnovationHistory,
  presentInnovations,
} from '../../presenters/presentInnovation.ts';
import { trusted } from '../../database/trusted.ts';
import { registerRoute } from '../registerRoute.ts';

const NOT_SOURCE =
  'Only confirmed people of the innovation’s source organisation who may edit in this community can change it.';

/** Innovation profiles: every member of the community reads them; their source organisation writes them. */
export function innovationsRouter(): Router {
  const router = Router();

  registerRoute(router, routes.createInnovation, async ({ params: { id }, body }, req, res) => {
    const caller = requireUser(req);
    const { role } = await loadCommunityForCaller(caller, id);
    authorize(role, 'innovation.edit');
    const abilities = await sourceAbilities(caller, role, body.sourceOrganisationId);
    authorizeAbility(abilities.edit, NOT_SOURCE);
    const innovation = await createInnovation(caller.user.id, id, body);
    res.status(201).json({ innovation: await presentInnovation(innovation, abilities) });
  });

  registerRoute(router, routes.listInnovations, async ({ params: { id } }, req, res) => {
    const caller = requireUser(req);
    const { role } = await loadCommunityForCaller(caller, id);
    authorize(role, 'community.view');
    const innovations = await InnovationModel.find({ communityId: id })
      .sort({ name: 1 })
      .limit(INNOVATION_LIMITS.perCommunity);
    const sourceIds = [...new Set(innovations.map((innovation) => String(innovation.sourceOrganisationId)))];
    const own = caller.user.organisation?.id;
    const bySource = new Map(
      await Promise.all(
        [...new Set([...sourceIds, ...(own ? [own] : [])])].map(
          async (sourceId) => [sourceId, await sourceAbilities(caller, role, sourceId)] as const,
        ),
      ),
    );
    res.json({
      innovations: await presentInnovations(innovations, (innovation) =>
        bySource.get(String(innovation.sourceOrganisationId))!,
      ),
      abilities: { create: own ? (bySource.get(own)?.edit ?? false) : false },
    });
  });

  registerRoute(router, routes.getInnovation, async ({ params: { id } }, req, res) => {
    const { innovation, abilities } = await loadInnovationForCaller(requireUser(req), id);
    res.json({ innovation: await presentInnovation(innovation, abilities) });
  });

  registerRoute(router, routes.updateInnovation, async ({ params: { id }, body }, req, res) => {
    const caller = requireUser(req);
    const { innovation, abilities } = await loadInnovationForCaller(caller, id);
    authorizeAbility(abilities.edit, NOT_SOURCE);
    const updated = await updateInnovation(innovation, caller.user.id, body);
    res.json({ innovation: await presentInnovation(updated, abilities) });
  });

  registerRoute(router, routes.listInnovationHistory, async ({ params: { id } }, req, res) => {
    const { innovation } = await loadInnovationForCaller(requireUser(req), id);
    // A revision claimed by a change that never reached the innovation (a crash in between) is not shown.
    const changes = await InnovationChangeModel.find({
      innovationId: innovation._id,
      revision: trusted({ $lte: innovation.revision }),
    }).sort({ revision: -1 });
    res.json({ history: await presentInnovationHistory(changes) });
  });

  return router;
}
