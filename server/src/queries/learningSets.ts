import type { CommunityRole, LearningSetState, RoomStanding } from '@common-ground/shared';
import { learningSetAbilities } from '@common-ground/shared';
import { trusted } from '../database/trusted.ts';
import { GroundRulesAgreementModel } from '../models/GroundRulesAgreement.ts';
import { GroundRulesRevisionModel } from '../models/GroundRulesRevision.ts';
import { SetMemberModel } from '../models/SetMember.ts';

/** Someone's role among a learning set's listed people, or null when not listed (or removed). */
export async function setRoleOf(roomId: string, userId: string): Promise<CommunityRole | null> {
  const member = await SetMemberModel.findOne({ roomId, userId, removedAt: null }).lean();
  return member ? (member.role as CommunityRole) : null;
}

/** A set's listed people, in the order they joined. */
export async function listedSetMembers(roomId: string) {
  return SetMemberModel.find({ roomId, removedAt: null }).sort({ addedAt: 1, _id: 1 }).lean();
}

/** Of these learning sets, the ones that list this person. */
export async function setsListing(userId: string, roomIds: string[]): Promise<Set<string>> {
  if (!roomIds.length) return new Set();
  const rows = await SetMemberModel.find(
    { userId, removedAt: null, roomId: trusted({ $in: roomIds }) },
    { roomId: 1 },
  ).lean();
  return new Set(rows.map((row) => String(row.roomId)));
}

/** The revision of a set's ground rules in force, or null before any are written. */
export async function currentGroundRules(roomId: string) {
  return GroundRulesRevisionModel.findOne({ roomId }).sort({ revision: -1 }).lean();
}

/** Who agreed to one revision of a set's ground rules. */
export async function agreedTo(roomId: string, revision: number | null): Promise<Set<string>> {
  if (revision === null) return new Set();
  const rows = await GroundRulesAgreementModel.find({ roomId, revision }, { userId: 1 }).lean();
  return new Set(rows.map((row) => String(row.userId)));
}

/** A set's contracting state for one caller: their abilities, the revision in force and whether they agreed to it. */
export async function learningSetStateFor(
  roomId: string,
  userId: string | null,
  standing: Omit<RoomStanding, 'visitorHere'>,
): Promise<LearningSetState> {
  const rules = await currentGroundRules(roomId);
  const revision = rules?.revision ?? null;
  const agreed =
    userId !== null && revision !== null
      ? (await GroundRulesAgreementModel.exists({ roomId, revision, userId })) !== null
      : false;
  return { abilities: learningSetAbilities(standing), groundRulesRevision: revision, agreed };
}
