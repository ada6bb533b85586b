import { isValidObjectId } from 'mongoose';
import { innovationAbilities, type InnovationAbilities, type Role } from '@common-ground/shared';
import type { UserCaller } from '../auth/Caller.ts';
import { AppError } from '../errors.ts';
import { InnovationModel, type InnovationRecord } from '../models/Innovation.ts';
import { OrganisationAffiliationModel } from '../models/OrganisationAffiliation.ts';
import { communityRoleOf } from './communityPolicy.ts';

/** The caller's claim to work for an organisation, as innovationAbilities reads it. */
async function affiliationWith(caller: UserCaller, organisationId: string) {
  const affiliation = await OrganisationAffiliationModel.findOne({
    organisationId,
    userId: caller.user.id,
  }).lean();
  return affiliation ? { status: affiliation.status as 'pending' | 'confirmed' } : null;
}

/** What the caller may do about innovations of one source organisation in a community where they hold `role`. */
export async function sourceAbilities(
  caller: UserCaller,
  role: Role | null,
  sourceOrganisationId: string,
): Promise<InnovationAbilities> {
  return innovationAbilities({
    role,
    sourceAffiliation: await affiliationWith(caller, sourceOrganisationId),
  });
}

/**
 * Loads an innovation and what the caller may do with it. Anyone who may not read it (outside its community) gets
 * 404, so its existence is not revealed; callers then check `abilities.edit` before changing it.
 */
export async function loadInnovationForCaller(
  caller: UserCaller,
  innovationId: string,
): Promise<{ innovation: InnovationRecord; abilities: InnovationAbilities }> {
  if (!isValidObjectId(innovationId)) throw new AppError('not_found', 'Innovation not found.');
  const innovation = await InnovationModel.findById(innovationId);
  if (!innovation) throw new AppError('not_found', 'Innovation not found.');
  const role = await communityRoleOf(caller, String(innovation.communityId));
  const abilities = await sourceAbilities(caller, role, String(innovation.sourceOrganisationId));
  if (!abilities.view) throw new AppError('not_found', 'Innovation not found.');
  return { innovation, abilities };
}
