import { Types } from 'mongoose';
import type { CreateCommunityBody } from '@common-ground/shared';
import { CommunityModel, type CommunityRecord } from '../models/Community.ts';
import { LearningDocumentModel } from '../models/LearningDocument.ts';
import { MembershipModel } from '../models/Membership.ts';
import { RoomModel } from '../models/Room.ts';

/** Creates a community with its creator as facilitator and its community-wide discussion space. */
export async function createCommunity(userId: string, body: CreateCommunityBody): Promise<CommunityRecord> {
  const communityId = new Types.ObjectId();
  const spaceRoomId = new Types.ObjectId();
  const documentId = new Types.ObjectId();
  // Written in dependency order without a transaction: a crash part-way leaves at worst an orphan room, never a
  // community that points at nothing.
  await RoomModel.create({
    _id: spaceRoomId,
    communityId,
    kind: 'community-space',
    title: `${body.name}: community space`,
    documentId,
    createdBy: userId,
  });
  await LearningDocumentModel.create({
    _id: documentId,
    roomId: spaceRoomId,
    communityId,
    title: `${body.name} notes`,
  });
  await MembershipModel.create({ communityId, userId, role: 'facilitator' });
  return CommunityModel.create({
    _id: communityId,
    name: body.name,
    purpose: body.purpose,
    spaceRoomId,
    createdBy: userId,
  });
}
