import { Router } from 'express';
import { routes } from '@common-ground/shared';
import type { AppContext } from '../../AppContext.ts';
import { checkInnovationFits } from '../../commands/partnerships/checkInnovationFits.ts';
import {
  addMilestone,
  logContact,
  markRecontracted,
  nameSponsor,
  updateMilestone,
} from '../../commands/partnerships/journeyRecorder.ts';
import { notifyAboutPartnership } from '../../commands/partnerships/partnershipNotifier.ts';
import { AppError } from '../../errors.ts';
import { requireUser } from '../../middlewares/authenticate.ts';
import { JourneyEventModel } from '../../models/JourneyEvent.ts';
import { MembershipModel } from '../../models/Membership.ts';
import { OrganisationModel } from '../../models/Organisation.ts';
import { authorizeAbility } from '../../policies/authorize.ts';
import { loadPartnershipForCaller, sidesOf } from '../../policies/partnershipPolicy.ts';
import { loadRoomForCaller } from '../../policies/roomPolicy.ts';
import { presentJourneyEvent, presentMilestone } from '../../presenters/presentJourney.ts';
import { presentRoom } from '../../presenters/presentRoom.ts';
import { partnershipJourney } from '../../queries/partnerships/partnershipJourney.ts';
import { partnershipPeople } from '../../queries/partnerships/partnershipPeople.ts';
import { registerRoute } from '../registerRoute.ts';

const NOT_PARTNER = 'Only people of the partnership’s organisations can record its journey.';

/** A partnership's settings, its journey (milestones, logged contact) and both sides' sponsors. */
export function partnershipsRouter({ services }: AppContext): Router {
  const router = Router();
  const actorOf = (access: { organisationId: string | null }, userId: string) => ({
    userId,
    organisationId: access.organisationId,
  });

  registerRoute(router, routes.updatePartnership, async ({ params: { id }, body }, req, res) => {
    const caller = requireUser(req);
    const access = await loadPartnershipForCaller(caller, id);
    authorizeAbility(
      access.abilities.configure,
      'Only the partnership’s people and facilitators can change this.',
    );
    const { room } = access;
    if (body.innovationId)
      await checkInnovationFits(
        String(room.communityId),
        body.innovationId,
        sidesOf(room).sourceOrganisationId,
      );
    if (body.innovationId !== undefined) room.set({ innovationId: body.innovationId });
    if (body.visibility !== undefined) room.set({ visibility: body.visibility });
    await room.save();
    if (body.visibility === 'partners') {
      // Open sockets and /collab connections of people who just lost the room ask the policy again, and close.
      const { partners, overseers } = await partnershipPeople(room);
      const keep = new Set([...partners, ...overseers]);
      const members = await MembershipModel.find({ communityId: room.communityId }, { userId: 1 }).lean();
      await Promise.all(
        members
          .filter((member) => !keep.has(String(member.userId)))
          .map((member) =>
            services.accessEvents.publish({
              type: 'membership.changed',
              communityId: String(room.communityId),
              userId: String(member.userId),
            }),
          ),
      );
    }
    const reloaded = await loadRoomForCaller(caller, id);
    res.json({ room: await presentRoom(reloaded.room, reloaded.role) });
  });

  registerRoute(router, routes.getJourney, async ({ params: { id } }, req, res) => {
    const { room, abilities } = await loadPartnershipForCaller(requireUser(req), id);
    res.json({ journey: await partnershipJourney(room, abilities) });
  });

  registerRoute(router, routes.addMilestone, async ({ params: { id }, body }, req, res) => {
    const caller = requireUser(req);
    const access = await loadPartnershipForCaller(caller, id);
    authorizeAbility(access.abilities.record, NOT_PARTNER);
    const milestone = await addMilestone(id, actorOf(access, caller.user.id), body, services.clock.now());
    res.status(201).json({ milestone: presentMilestone(milestone) });
  });

  registerRoute(router, routes.updateMilestone, async ({ params: { id, milestoneId }, body }, req, res) => {
    const caller = requireUser(req);
    const access = await loadPartnershipForCaller(caller, id);
    authorizeAbility(access.abilities.record, NOT_PARTNER);
    const milestone = await updateMilestone(
      id,
      milestoneId,
      actorOf(access, caller.user.id),
      body,
      services.clock.now(),
    );
    res.json({ milestone: presentMilestone(milestone) });
  });

  registerRoute(router, routes.logContact, async ({ params: { id }, body }, req, res) => {
    const caller = requireUser(req);
    const access = await loadPartnershipForCaller(caller, id);
    authorizeAbility(access.abilities.record, NOT_PARTNER);
    const event = await logContact(id, actorOf(access, caller.user.id), body, services.clock.now());
    const names = new Map(
      caller.user.organisation ? [[caller.user.organisation.id, caller.user.organisation.name]] : [],
    );
    res.status(201).json({ event: presentJourneyEvent(event, names) });
  });

  registerRoute(router, routes.putSponsor, async ({ params: { id, organisationId }, body }, req, res) => {
    const caller = requireUser(req);
    const access = await loadPartnershipForCaller(caller, id);
    authorizeAbility(
      access.abilities.sponsorFor.includes(organisationId),
      'Each organisation names its own sponsor.',
    );
    const organisation = await OrganisationModel.findById(organisationId, { name: 1 }).lean();
    if (!organisation) throw new AppError('not_found', 'Organisation not found.');
    const { room } = access;
    const { changed } = await nameSponsor(
      id,
      organisationId,
      organisation.name,
      actorOf(access, caller.user.id),
      body,
      services.clock.now(),
    );
    if (changed) {
      const change = await JourneyEventModel.findOne({ roomId: room._id, kind: 'sponsor-changed' }).sort({
        at: -1,
      });
      const { partners } = await partnershipPeople(room);
      await notifyAboutPartnership(
        room,
        partners,
        'partnership-recontract',
        change!._id,
        `${organisation.name} has a new sponsor. Please agree again how you will work together.`,
      );
    }
    res.json({ journey: await partnershipJourney(room, access.abilities) });
  });

  registerRoute(router, routes.markRecontracted, async ({ params: { id } }, req, res) => {
    const caller = requireUser(req);
    const access = await loadPartnershipForCaller(caller, id);
    authorizeAbility(access.abilities.record, NOT_PARTNER);
    await markRecontracted(id, actorOf(access, caller.user.id), services.clock.now());
    res.json({ journey: await partnershipJourney(access.room, access.abilities) });
  });

  return router;
}
