import { Router } from 'express';
import { routes } from '@common-ground/shared';
import type { AppContext } from '../../AppContext.ts';
import { requireUser } from '../../middlewares/authenticate.ts';
import { authorizeAbility } from '../../policies/authorize.ts';
import { loadPartnershipForCaller } from '../../policies/partnershipPolicy.ts';
import { partnershipEngagement } from '../../queries/partnerships/partnershipEngagement.ts';
import { registerRoute } from '../registerRoute.ts';

/** A partnership's health: for its own people and the community's facilitators, never ranked against another. */
export function engagementRouter({ env, services }: AppContext): Router {
  const router = Router();

  registerRoute(router, routes.getEngagement, async ({ params: { id } }, req, res) => {
    const { room, abilities } = await loadPartnershipForCaller(requireUser(req), id);
    authorizeAbility(
      abilities.seeHealth,
      'A partnership’s health is for its own people and the facilitators.',
    );
    res.json({
      engagement: await partnershipEngagement(room, services.clock.now(), env.QUIET_PARTNERSHIP_DAYS),
    });
  });

  return router;
}
