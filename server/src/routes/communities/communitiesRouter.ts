import { Router } from 'express';
import {
  mayGrantRole,
  memberAbilities,
  RATE_LIMITS,
  routes,
  type CommunityRole,
} from '@common-ground/shared';
import type { AppContext } from '../../AppContext.ts';
import { recordAudit } from '../../audit/recordAudit.ts';
import { createCommunity } from '../../commands/communityCreator.ts';
import { emailInvitation } from '../../commands/invitationEmailer.ts';
import { inviteMember } from '../../commands/memberInviter.ts';
import { changeMemberRole, removeMember } from '../../commands/membershipChanger.ts';
import { createRoom } from '../../commands/roomCreator.ts';
import { AppError } from '../../errors.ts';
import { requireUser } from '../../middlewares/authenticate.ts';
import { rateLimit } from '../../middlewares/rateLimit.ts';
import { CommunityModel } from '../../models/Community.ts';
import { InvitationModel } from '../../models/Invitation.ts';
import { MembershipModel } from '../../models/Membership.ts';
import { RoomModel } from '../../models/Room.ts';
import { authorize, authorizeAbility } from '../../policies/authorize.ts';
import { loadCommunityForCaller } from '../../policies/communityPolicy.ts';
import { loadRoomForCaller, roomsListedFor } from '../../policies/roomPolicy.ts';
import { presentCommunity, presentMembers, presentMembership } from '../../presenters/presentCommunity.ts';
import { presentInvitation } from '../../presenters/presentInvitation.ts';
import { presentRoom, presentRooms } from '../../presenters/presentRoom.ts';
import { publicOrigin } from '../publicOrigin.ts';
import { registerRoute } from '../registerRoute.ts';
import { trusted } from '../../database/trusted.ts';

/** Communities of practice: members, invitations and rooms. */
export function communitiesRouter({ env, logger, services }: AppContext): Router {
  const router = Router();

  registerRoute(router, routes.createCommunity, async ({ body }, req, res) => {
    const caller = requireUser(req);
    const community = await createCommunity(caller.user.id, body);
    res.status(201).json({ community: presentCommunity(community, 'facilitator') });
  });

  registerRoute(router, routes.listCommunities, async (_input, req, res) => {
    const caller = requireUser(req);
    const memberships = await MembershipModel.find({ userId: caller.user.id }).lean();
    const communities = await CommunityModel.find({
      _id: trusted({ $in: memberships.map((m) => m.communityId) }),
    })
      .sort({ createdAt: -1 })
      .lean();
    const roleById = new Map(memberships.map((m) => [String(m.communityId), m.role as CommunityRole]));
    res.json({
      communities: communities.map((c) => presentCommunity(c, roleById.get(String(c._id)) ?? null)),
    });
  });

  registerRoute(router, routes.getCommunity, async ({ params: { id } }, req, res) => {
    const { community, role } = await loadCommunityForCaller(requireUser(req), id);
    authorize(role, 'community.view');
    res.json({ community: presentCommunity(community, role) });
  });

  registerRoute(router, routes.listMembers, async ({ params: { id } }, req, res) => {
    const { role } = await loadCommunityForCaller(requireUser(req), id);
    authorize(role, 'member.list');
    const memberships = await MembershipModel.find({ communityId: id }).sort({ joinedAt: 1 }).lean();
    res.json({ members: await presentMembers(memberships) });
  });

  registerRoute(router, routes.updateMember, async ({ params: { id, userId }, body }, req, res) => {
    const caller = requireUser(req);
    const { role } = await loadCommunityForCaller(caller, id);
    authorizeAbility(memberAbilities({ id: caller.user.id, role }, { userId }).changeRole);
    authorizeAbility(mayGrantRole(role, body.role));
    const { membership, previousRole } = await changeMemberRole(services.accessEvents, id, userId, body.role);
    await recordAudit('member.role.changed', {
      req,
      communityId: id,
      targetUserId: userId,
      detail: { from: previousRole, to: body.role },
    });
    res.json({ membership: presentMembership(membership) });
  });

  registerRoute(router, routes.removeMember, async ({ params: { id, userId } }, req, res) => {
    const caller = requireUser(req);
    const { role } = await loadCommunityForCaller(caller, id);
    const abilities = memberAbilities({ id: caller.user.id, role }, { userId });
    authorizeAbility(abilities.leave || abilities.remove);
    await removeMember(services.accessEvents, id, userId);
    await recordAudit('member.removed', { req, communityId: id, targetUserId: userId });
    res.status(204).end();
  });

  registerRoute(
    router,
    routes.createInvitation,
    [
      rateLimit(env, {
        bucket: 'invitations',
        ...RATE_LIMITS.invitations,
        key: (req) => req.caller?.sessionId ?? req.ip ?? '',
      }),
    ],
    async ({ params: { id }, body }, req, res) => {
      const caller = requireUser(req);
      const { role } = await loadCommunityForCaller(caller, id);
      authorize(role, 'member.invite');
      authorizeAbility(mayGrantRole(role, body.role));
      const { invitation, token } = await inviteMember(caller.user.id, id, body);
      await recordAudit('invitation.created', { req, communityId: id, detail: { role: body.role } });
      const link = presentInvitation(invitation, { token, origin: publicOrigin(env, req) });
      const emailed = await emailInvitation(services.mailer, logger, invitation, link.url ?? '');
      res.status(201).json({ invitation: { ...link, emailed } });
    },
  );

  registerRoute(router, routes.listInvitations, async ({ params: { id } }, req, res) => {
    const { role } = await loadCommunityForCaller(requireUser(req), id);
    authorize(role, 'member.invite');
    const invitations = await InvitationModel.find({ communityId: id }).sort({ createdAt: -1 }).limit(200);
    res.json({ invitations: invitations.map((invitation) => presentInvitation(invitation)) });
  });

  registerRoute(router, routes.withdrawInvitation, async ({ params: { id, invitationId } }, req, res) => {
    const { role } = await loadCommunityForCaller(requireUser(req), id);
    authorize(role, 'member.invite');
    const deleted = await InvitationModel.deleteOne({ _id: invitationId, communityId: id, acceptedAt: null });
    if (deleted.deletedCount === 0) throw new AppError('not_found', 'Invitation not found or already used.');
    res.status(204).end();
  });

  registerRoute(router, routes.createRoom, async ({ params: { id }, body }, req, res) => {
    const caller = requireUser(req);
    const { role } = await loadCommunityForCaller(caller, id);
    authorize(role, 'room.create');
    const created = await createRoom(caller.user.id, id, body);
    const { room, role: roomRole } = await loadRoomForCaller(caller, String(created._id));
    res.status(201).json({ room: await presentRoom(room, roomRole) });
  });

  registerRoute(router, routes.listRooms, async ({ params: { id } }, req, res) => {
    const caller = requireUser(req);
    const { role } = await loadCommunityForCaller(caller, id);
    authorize(role, 'room.view');
    const rooms = await RoomModel.find({ communityId: id, kind: trusted({ $ne: 'community-space' }) }).sort({
      createdAt: -1,
    });
    res.json({ rooms: await presentRooms(await roomsListedFor(caller, rooms)) });
  });

  return router;
}
