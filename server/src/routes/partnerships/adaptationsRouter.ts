import { Router } from 'express';
import { adaptationChangeAllowed, routes } from '@common-ground/shared';
import type { AppContext } from '../../AppContext.ts';
import { applyAdaptationChanges } from '../../commands/partnerships/adaptationRecorder.ts';
import { AppError } from '../../errors.ts';
import { requireUser } from '../../middlewares/authenticate.ts';
import { authorizeAbility } from '../../policies/authorize.ts';
import { loadPartnershipForCaller } from '../../policies/partnershipPolicy.ts';
import {
  adaptationItemsOf,
  innovationOf,
  partnershipAdaptations,
} from '../../queries/partnerships/partnershipAdaptations.ts';
import { registerRoute } from '../registerRoute.ts';

const NOT_YOURS =
  'A recipient writes its own entries, the source replies, and each side settles for itself; this change is not yours to make.';

/** The adaptation log: each recipient's choices for the innovation's core functions and adaptable features. */
export function adaptationsRouter({ services }: AppContext): Router {
  const router = Router();

  registerRoute(router, routes.getAdaptations, async ({ params: { id } }, req, res) => {
    const { room, abilities } = await loadPartnershipForCaller(requireUser(req), id);
    res.json({ adaptations: await partnershipAdaptations(room, abilities) });
  });

  registerRoute(router, routes.putAdaptations, async ({ params: { id }, body }, req, res) => {
    const caller = requireUser(req);
    const { room, abilities, organisationId } = await loadPartnershipForCaller(caller, id);
    const items = new Map(adaptationItemsOf(await innovationOf(room)).map((item) => [item.id, item]));
    const recipients = new Set(room.recipientOrganisationIds.map(String));
    // Every change is checked before any is written, so a refused request changes nothing.
    const allowed = body.entries.map((change) => {
      const item = items.get(change.itemId);
      if (!item || !recipients.has(change.recipientOrganisationId))
        throw new AppError(
          'validation_failed',
          'Each entry needs a recipient of this partnership and an item of its innovation.',
          {
            fields: {
              entries: 'Choose a recipient and a core function or adaptable feature of the innovation',
            },
          },
        );
      if (change.stillAchieves !== undefined && item.kind !== 'core-function')
        throw new AppError(
          'validation_failed',
          '"Does this still achieve it?" is asked of core functions only.',
          {
            fields: { entries: 'stillAchieves is for core functions' },
          },
        );
      const { allowed: ok, settlementSide } = adaptationChangeAllowed(abilities, change);
      authorizeAbility(ok, NOT_YOURS);
      return { change, itemKind: item.kind, settlementSide };
    });
    await applyAdaptationChanges(
      id,
      { userId: caller.user.id, organisationId },
      allowed,
      services.clock.now(),
    );
    res.json({ adaptations: await partnershipAdaptations(room, abilities) });
  });

  return router;
}
