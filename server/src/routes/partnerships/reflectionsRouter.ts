import { Router } from 'express';
import { isValidObjectId } from 'mongoose';
import {
  PARTNERSHIP_LIMITS,
  reflectionAbilities,
  reflectionWarnings,
  routes,
  type ReflectionAnonymity,
} from '@common-ground/shared';
import type { AppContext } from '../../AppContext.ts';
import {
  createReflection,
  setReflectionShared,
  withdrawReflection,
} from '../../commands/partnerships/reflectionRecorder.ts';
import { AppError } from '../../errors.ts';
import { requireUser } from '../../middlewares/authenticate.ts';
import { OrganisationModel } from '../../models/Organisation.ts';
import { ReflectionModel, type ReflectionRecord } from '../../models/Reflection.ts';
import type { RoomRecord } from '../../models/Room.ts';
import { trusted } from '../../database/trusted.ts';
import { authorize, authorizeAbility } from '../../policies/authorize.ts';
import { loadCommunityForCaller } from '../../policies/communityPolicy.ts';
import { loadPartnershipForCaller } from '../../policies/partnershipPolicy.ts';
import { presentReflection } from '../../presenters/presentReflection.ts';
import { registerRoute } from '../registerRoute.ts';

/** The warnings the author must have seen before this reflection is shared with the community. */
async function warningsFor(room: RoomRecord, text: string, anonymity: ReflectionAnonymity) {
  const ids = [room.sourceOrganisationId, ...room.recipientOrganisationIds].filter(Boolean);
  const organisations = await OrganisationModel.find({ _id: trusted({ $in: ids }) }, { name: 1 }).lean();
  return reflectionWarnings({
    text,
    recipientCount: room.recipientOrganisationIds.length,
    hidesOrganisation: anonymity !== 'named',
    organisationNames: organisations.map((organisation) => organisation.name),
  });
}

const textOf = (
  r: Pick<ReflectionRecord, 'hoped' | 'happened' | 'madeSense' | 'learned' | 'doDifferently'> & {
    workingWith?: string | null;
  },
) => [r.hoped, r.happened, r.madeSense, r.learned, r.doDifferently, r.workingWith ?? ''].join('\n');

function refuseUnacknowledged(warnings: { message: string }[], acknowledged: boolean | undefined): void {
  if (warnings.length && !acknowledged)
    throw new AppError('validation_failed', 'Read the warnings before sharing this with the community.', {
      fields: { acknowledgedWarnings: warnings.map((warning) => warning.message).join(' ') },
    });
}

/** Loads a reflection the caller may reach through its partnership (404 otherwise), with the partnership access. */
async function loadReflection(caller: ReturnType<typeof requireUser>, id: string) {
  const reflection = isValidObjectId(id) ? await ReflectionModel.findById(id) : null;
  if (!reflection) throw new AppError('not_found', 'Reflection not found.');
  const access = await loadPartnershipForCaller(caller, String(reflection.roomId)).catch(() => {
    throw new AppError('not_found', 'Reflection not found.');
  });
  return { reflection, access };
}

/** Reflections on what did and did not work: partners-only unless their author shares them, withdrawable any time. */
export function reflectionsRouter({ services }: AppContext): Router {
  const router = Router();

  registerRoute(router, routes.listReflections, async ({ params: { id } }, req, res) => {
    const caller = requireUser(req);
    const { role, abilities } = await loadPartnershipForCaller(caller, id);
    const reflections = await ReflectionModel.find({ roomId: id })
      .sort({ createdAt: -1 })
      .limit(PARTNERSHIP_LIMITS.pageSize);
    const viewer = { id: caller.user.id, role };
    res.json({ reflections: reflections.map((r) => presentReflection(r, viewer)), abilities });
  });

  registerRoute(router, routes.createReflection, async ({ params: { id }, body }, req, res) => {
    const caller = requireUser(req);
    const { room, role, abilities } = await loadPartnershipForCaller(caller, id);
    authorizeAbility(
      abilities.record,
      'Only people of the partnership’s organisations write its reflections.',
    );
    if (body.shareWithCommunity)
      refuseUnacknowledged(
        await warningsFor(room, textOf({ ...body }), body.anonymity),
        body.acknowledgedWarnings,
      );
    const reflection = await createReflection(room, caller.user, body, services.clock.now());
    res.status(201).json({ reflection: presentReflection(reflection, { id: caller.user.id, role }) });
  });

  registerRoute(router, routes.shareReflection, async ({ params: { id }, body }, req, res) => {
    const caller = requireUser(req);
    const { reflection, access } = await loadReflection(caller, id);
    const viewer = { id: caller.user.id, role: access.role };
    authorizeAbility(
      reflectionAbilities(viewer, { authorId: String(reflection.authorId) }).share,
      'Only its author can share a reflection.',
    );
    if (body.sharedWithCommunity)
      refuseUnacknowledged(
        await warningsFor(access.room, textOf(reflection), reflection.anonymity as ReflectionAnonymity),
        body.acknowledgedWarnings,
      );
    const updated = await setReflectionShared(reflection, body.sharedWithCommunity);
    res.json({ reflection: presentReflection(updated, viewer) });
  });

  registerRoute(router, routes.withdrawReflection, async ({ params: { id } }, req, res) => {
    const caller = requireUser(req);
    const { reflection, access } = await loadReflection(caller, id);
    const viewer = { id: caller.user.id, role: access.role };
    authorizeAbility(
      reflectionAbilities(viewer, { authorId: String(reflection.authorId) }).withdraw,
      'Only its author can withdraw a reflection.',
    );
    await withdrawReflection(reflection);
    res.status(204).end();
  });

  registerRoute(router, routes.listCommunityReflections, async ({ params: { id } }, req, res) => {
    const caller = requireUser(req);
    const { role } = await loadCommunityForCaller(caller, id);
    authorize(role, 'community.view');
    const reflections = await ReflectionModel.find({ communityId: id, sharedWithCommunity: true })
      .sort({ createdAt: -1 })
      .limit(PARTNERSHIP_LIMITS.pageSize);
    res.json({
      reflections: reflections.map((r) => presentReflection(r, { id: caller.user.id, role })),
      abilities: null,
    });
  });

  return router;
}
