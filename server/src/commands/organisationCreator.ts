import type { CreateOrganisationBody } from '@common-ground/shared';
import { AppError } from '../errors.ts';
import { OrganisationModel, type OrganisationRecord } from '../models/Organisation.ts';
import { OrganisationAffiliationModel } from '../models/OrganisationAffiliation.ts';
import { UserModel } from '../models/User.ts';
import { isDuplicateKey } from '../database/isDuplicateKey.ts';
import { checkMayReplaceAffiliation } from './affiliationRemover.ts';

/** Normalised organisation name used to stop duplicates such as "Leeds City Council" and "leeds city council ". */
export function organisationNameKey(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** Creates an organisation with its creator as its first, confirmed admin, and makes it the creator's organisation. */
export async function createOrganisation(
  userId: string,
  body: CreateOrganisationBody,
): Promise<OrganisationRecord> {
  await checkMayReplaceAffiliation(userId);
  let organisation: OrganisationRecord;
  try {
    organisation = await OrganisationModel.create({
      name: body.name,
      nameKey: organisationNameKey(body.name),
      kind: body.kind,
      region: body.region || null,
      createdBy: userId,
    });
  } catch (error) {
    if (isDuplicateKey(error)) {
      throw new AppError(
        'conflict',
        'An organisation with that name already exists. Ask to join it instead.',
        {
          fields: { name: 'An organisation with that name already exists' },
        },
      );
    }
    throw error;
  }
  await OrganisationAffiliationModel.deleteMany({ userId });
  await OrganisationAffiliationModel.create({
    organisationId: organisation._id,
    userId,
    status: 'confirmed',
    isAdmin: true,
    confirmedBy: userId,
  });
  await UserModel.updateOne({ _id: userId }, { $set: { organisationId: organisation._id } });
  return organisation;
}

/**
 * Records a claim to work for an organisation, pending its admins' confirmation; replaces any earlier claim. Returns
 * whether this was a new request (asking again changes nothing).
 */
export async function requestAffiliation(userId: string, organisationId: string): Promise<boolean> {
  const existing = await OrganisationAffiliationModel.findOne({ userId, organisationId }).lean();
  if (existing) return false;
  await checkMayReplaceAffiliation(userId, organisationId);
  await OrganisationAffiliationModel.deleteMany({ userId });
  await OrganisationAffiliationModel.create({ organisationId, userId, status: 'pending', isAdmin: false });
  await UserModel.updateOne({ _id: userId }, { $set: { organisationId } });
  return true;
}
