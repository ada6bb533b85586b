import { isValidObjectId } from 'mongoose';
import { organisationRoleOf, type OrganisationRole } from '@common-ground/shared';
import type { UserCaller } from '../auth/Caller.ts';
import { AppError } from '../errors.ts';
import { OrganisationModel, type OrganisationRecord } from '../models/Organisation.ts';
import { OrganisationAffiliationModel } from '../models/OrganisationAffiliation.ts';

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
