import { Router } from 'express';
import { z } from 'zod';
import {
  can,
  createCommunityBodySchema,
  createInvitationBodySchema,
  createRoomBodySchema,
  idParamsSchema,
  idSchema,
  memberParamsSchema,
  updateMemberBodySchema,
  type CommunityRole,
} from '@common-ground/shared';
import type { AppContext } from '../../app.ts';
import { recordAudit } from '../../audit/recordAudit.ts';
import { createCommunity } from '../../commands/communityCreator.ts';
import { inviteMember } from '../../commands/memberInviter.ts';
import { changeMemberRole, removeMember } from '../../commands/membershipChanger.ts';
import { createRoom } from '../../commands/roomCreator.ts';
import { AppError } from '../../errors.ts';
import { requireUser } from '../../middlewares/authenticate.ts';
import { rateLimit } from '../../middlewares/rateLimit.ts';
import { validateBody, validateParams } from '../../middlewares/validate.ts';
import { CommunityModel } from '../../models/Community.ts';
import { InvitationModel } from '../../models/Invitation.ts';
import { MembershipModel } from '../../models/Membership.ts';
import { RoomModel } from '../../models/Room.ts';
import { authorize } from '../../policies/authorize.ts';
import { loadCommunityForCaller } from '../../policies/communityPolicy.ts';
import { presentCommunity, presentMembers, presentMembership } from '../../presenters/presentCommunity.ts';
import { presentInvitation } from '../../presenters/presentInvitation.ts';
import { presentRoom, presentRooms } from '../../presenters/presentRoom.ts';
import { publicOrigin } from '../publicOrigin.ts';
import { trusted } from '../../database/trusted.ts';

const invitationParamsSchema = z.strictObject({ id: idSchema, invitationId: idSchema });

/** Communities of practice: members, invitations and rooms. */
export function communitiesRouter({ env, services }: AppContext): Router {
  const router = Router();

  router.post('/', async (req, res) => {
    const caller = requireUser(req);
    const body = validateBody(createCommunityBodySchema, req);
    const community = await createCommunity(caller.user.id, body);
    res.status(201).json({ community: presentCommunity(community, 'facilitator') });
  });

  router.get('/', async (req, res) => {
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

  router.get('/:id', async (req, res) => {
    const { id } = validateParams(idParamsSchema, req);
    const { community, role } = await loadCommunityForCaller(requireUser(req), id);
    authorize(role, 'community.view');
    res.json({ community: presentCommunity(community, role) });
  });

  router.get('/:id/members', async (req, res) => {
    const { id } = validateParams(idParamsSchema, req);
    const { role } = await loadCommunityForCaller(requireUser(req), id);
    authorize(role, 'member.list');
    const memberships = await MembershipModel.find({ communityId: id }).sort({ joinedAt: 1 }).lean();
    res.json({ members: await presentMembers(memberships) });
  });

  router.patch('/:id/members/:userId', async (req, res) => {
    const caller = requireUser(req);
    const { id, userId } = validateParams(memberParamsSchema, req);
    const body = validateBody(updateMemberBodySchema, req);
    const { role } = await loadCommunityForCaller(caller, id);
    authorize(role, 'member.manage');
    // Making or unmaking someone who runs the community needs the right to run it.
    if (can(body.role, 'community.manage')) authorize(role, 'community.manage');
    const { membership, previousRole } = await changeMemberRole(services.accessEvents, id, userId, body.role);
    await recordAudit('member.role.changed', {
      req,
      communityId: id,
      targetUserId: userId,
      detail: { from: previousRole, to: body.role },
    });
    res.json({ membership: presentMembership(membership) });
  });

  router.delete('/:id/members/:userId', async (req, res) => {
    const caller = requireUser(req);
    const { id, userId } = validateParams(memberParamsSchema, req);
    const { role } = await loadCommunityForCaller(caller, id);
    // Anyone may leave; removing someone else needs member.manage.
    if (userId !== caller.user.id) authorize(role, 'member.manage');
    await removeMember(services.accessEvents, id, userId);
    await recordAudit('member.removed', { req, communityId: id, targetUserId: userId });
    res.status(204).end();
  });

  router.post(
    '/:id/invitations',
    rateLimit(env, {
      bucket: 'invitations',
      limit: 50,
      windowMs: 60 * 60_000,
      key: (req) => req.caller?.sessionId ?? req.ip ?? '',
    }),
    async (req, res) => {
      const caller = requireUser(req);
      const { id } = validateParams(idParamsSchema, req);
      const body = validateBody(createInvitationBodySchema, req);
      const { role } = await loadCommunityForCaller(caller, id);
      authorize(role, 'member.invite');
      // Bringing someone in who will run the community needs the right to run it.
      if (can(body.role, 'community.manage')) authorize(role, 'community.manage');
      const { invitation, token } = await inviteMember(caller.user.id, id, body);
      await recordAudit('invitation.created', { req, communityId: id, detail: { role: body.role } });
      res
        .status(201)
        .json({ invitation: presentInvitation(invitation, { token, origin: publicOrigin(env, req) }) });
    },
  );

  router.get('/:id/invitations', async (req, res) => {
    const { id } = validateParams(idParamsSchema, req);
    const { role } = await loadCommunityForCaller(requireUser(req), id);
    authorize(role, 'member.invite');
    const invitations = await InvitationModel.find({ communityId: id }).sort({ createdAt: -1 }).limit(200);
    res.json({ invitations: invitations.map((invitation) => presentInvitation(invitation)) });
  });

  router.delete('/:id/invitations/:invitationId', async (req, res) => {
    const { id, invitationId } = validateParams(invitationParamsSchema, req);
    const { role } = await loadCommunityForCaller(requireUser(req), id);
    authorize(role, 'member.invite');
    const deleted = await InvitationModel.deleteOne({ _id: invitationId, communityId: id, acceptedAt: null });
    if (deleted.deletedCount === 0) throw new AppError('not_found', 'Invitation not found or already used.');
    res.status(204).end();
  });

  router.post('/:id/rooms', async (req, res) => {
    const caller = requireUser(req);
    const { id } = validateParams(idParamsSchema, req);
    const body = validateBody(createRoomBodySchema, req);
    const { role } = await loadCommunityForCaller(caller, id);
    authorize(role, 'room.create');
    const room = await createRoom(caller.user.id, id, body);
    res.status(201).json({ room: await presentRoom(room, role) });
  });

  router.get('/:id/rooms', async (req, res) => {
    const { id } = validateParams(idParamsSchema, req);
    const { role } = await loadCommunityForCaller(requireUser(req), id);
    authorize(role, 'room.view');
    const rooms = await RoomModel.find({ communityId: id, kind: trusted({ $ne: 'community-space' }) }).sort({
      createdAt: -1,
    });
    res.json({ rooms: await presentRooms(rooms, role) });
  });

  return router;
}
