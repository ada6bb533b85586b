import { isValidObjectId } from 'mongoose';
import {
  organisationRoleOf,
  type OrganisationRole,
  type OrganisationStanding,
  type Role,
} from '@common-ground/shared';
import type { UserCaller } from '../auth/Caller.ts';
import { AppError } from '../errors.ts';
import { OrganisationModel, type OrganisationRecord } from '../models/Organisation.ts';
import { OrganisationAffiliationModel } from '../models/OrganisationAffiliation.ts';
import { MembershipModel } from '../models/Membership.ts';
import { trusted } from '../database/trusted.ts';

/**
 * Loads an organisation and the caller's role in it (admin, member, pending, or none). Organisation administration
 * sits outside community roles: its confirmed admins (its creator first) decide who may say they work there. Callers
 * then ask organisationAbilities or affiliationAbilities from shared.
 */
export async function loadOrganisationForCaller(
  caller: UserCaller,
  organisationId: string,
): Promise<{ organisation: OrganisationRecord; role: OrganisationRole | null }> {
  if (!isValidObjectId(organisationId)) throw new AppError('not_found', 'Organisation not found.');
  const [organisation, affiliation] = await Promise.all([
    OrganisationModel.findById(organisationId),
    OrganisationAffiliationModel.findOne({ organisationId, userId: caller.user.id }).lean(),
  ]);
  if (!organisation) throw new AppError('not_found', 'Organisation not found.');
  const claim = affiliation
    ? { status: affiliation.status as 'pending' | 'confirmed', isAdmin: affiliation.isAdmin }
    : null;
  return { organisation, role: organisationRoleOf(claim) };
}

/**
 * Loads an organisation with the caller's whole standing towards it (shared `organisationVerificationAbilities`
 * decides from it): their platform role, their role in it, and their roles in the communities where its confirmed
 * people take part.
 */
export async function loadOrganisationStanding(
  caller: UserCaller,
  organisationId: string,
): Promise<{ organisation: OrganisationRecord; standing: OrganisationStanding }> {
  const { organisation, role } = await loadOrganisationForCaller(caller, organisationId);
  const people = await OrganisationAffiliationModel.find(
    { organisationId, status: 'confirmed' },
    { userId: 1 },
  ).lean();
  const communities = await MembershipModel.distinct('communityId', {
    userId: trusted({ $in: people.map((person) => person.userId) }),
  });
  const mine = await MembershipModel.find(
    { userId: caller.user.id, communityId: trusted({ $in: communities }) },
    { role: 1 },
  ).lean();
  return {
    organisation,
    standing: {
      verified: Boolean(organisation.verifiedAt),
      platformRole: caller.user.platformRole,
      organisationRole: role,
      rolesWhereItTakesPart: mine.map((membership) => membership.role as Role),
    },
  };
}
