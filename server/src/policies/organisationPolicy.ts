import { isValidObjectId } from 'mongoose';
import type { UserCaller } from '../auth/Caller.ts';
import { AppError } from '../errors.ts';
import { OrganisationModel, type OrganisationRecord } from '../models/Organisation.ts';
import { OrganisationAffiliationModel } from '../models/OrganisationAffiliation.ts';

/**
 * Organisation administration sits outside community roles: an organisation's confirmed admins (its creator first)
 * decide who may say they work there.
 */
export async function loadOrganisationForCaller(
  caller: UserCaller,
  organisationId: string,
): Promise<{ organisation: OrganisationRecord; isAdmin: boolean; isConfirmedMember: boolean }> {
  if (!isValidObjectId(organisationId)) throw new AppError('not_found', 'Organisation not found.');
  const [organisation, affiliation] = await Promise.all([
    OrganisationModel.findById(organisationId),
    OrganisationAffiliationModel.findOne({ organisationId, userId: caller.user.id }).lean(),
  ]);
  if (!organisation) throw new AppError('not_found', 'Organisation not found.');
  const isConfirmedMember = affiliation?.status === 'confirmed';
  return { organisation, isAdmin: isConfirmedMember && affiliation?.isAdmin === true, isConfirmedMember };
}

/** Throws 403 unless the caller administers the organisation. */
export function requireOrganisationAdmin(isAdmin: boolean): void {
  if (!isAdmin) throw new AppError('forbidden', "Only this organisation's admins can do that.");
}
