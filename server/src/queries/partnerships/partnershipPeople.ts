import { can, type CommunityRole } from '@common-ground/shared';
import { trusted } from '../../database/trusted.ts';
import { MembershipModel } from '../../models/Membership.ts';
import { OrganisationAffiliationModel } from '../../models/OrganisationAffiliation.ts';
import type { RoomRecord } from '../../models/Room.ts';
import { UserModel } from '../../models/User.ts';

/**
 * The community members confirmed as working for the partnership's source or recipients (as a session reads a
 * person's organisation), and the community's facilitators who oversee partnerships but work for neither.
 */
export async function partnershipPeople(
  room: RoomRecord,
): Promise<{ partners: string[]; overseers: string[] }> {
  const organisationIds = [room.sourceOrganisationId, ...room.recipientOrganisationIds].filter(Boolean);
  const [users, memberships] = await Promise.all([
    UserModel.find({ organisationId: trusted({ $in: organisationIds }) }, { organisationId: 1 }).lean(),
    MembershipModel.find({ communityId: room.communityId }, { userId: 1, role: 1 }).lean(),
  ]);
  const confirmed = await OrganisationAffiliationModel.find(
    { status: 'confirmed', userId: trusted({ $in: users.map((user) => user._id) }) },
    { userId: 1, organisationId: 1 },
  ).lean();
  const userOrganisation = new Map(users.map((user) => [String(user._id), String(user.organisationId)]));
  const partnerIds = new Set(
    confirmed
      .filter(
        (affiliation) =>
          userOrganisation.get(String(affiliation.userId)) === String(affiliation.organisationId),
      )
      .map((affiliation) => String(affiliation.userId)),
  );
  const partners: string[] = [];
  const overseers: string[] = [];
  for (const membership of memberships) {
    const userId = String(membership.userId);
    if (partnerIds.has(userId)) partners.push(userId);
    else if (can(membership.role as CommunityRole, 'partnership.oversee')) overseers.push(userId);
  }
  return { partners, overseers };
}
