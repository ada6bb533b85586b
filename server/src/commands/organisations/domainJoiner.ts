import { emailDomainOf, isWebmailDomain } from '@common-ground/shared';
import { isDuplicateKey } from '../../database/isDuplicateKey.ts';
import { OrganisationModel } from '../../models/Organisation.ts';
import { OrganisationAffiliationModel } from '../../models/OrganisationAffiliation.ts';
import { OrganisationDomainModel } from '../../models/OrganisationDomain.ts';
import { UserModel } from '../../models/User.ts';

/**
 * Once a person's address is verified, asks on their behalf to join the verified organisation that lists its domain,
 * as pending: its admins still confirm. Nothing happens for free webmail, an unverified address, an organisation that
 * is not verified, or a person who already has a claim to work somewhere. Returns the organisation asked.
 */
export async function joinByEmailDomain(userId: string): Promise<string | null> {
  const user = await UserModel.findById(userId, { email: 1, emailVerifiedAt: 1 }).lean();
  if (!user?.emailVerifiedAt || isWebmailDomain(user.email)) return null;
  const claim = await OrganisationDomainModel.findById(emailDomainOf(user.email)).lean();
  if (!claim) return null;
  const organisation = await OrganisationModel.findById(claim.organisationId, { verifiedAt: 1 }).lean();
  if (!organisation?.verifiedAt) return null;
  if (await OrganisationAffiliationModel.exists({ userId })) return null;
  try {
    await OrganisationAffiliationModel.create({
      organisationId: organisation._id,
      userId,
      status: 'pending',
      isAdmin: false,
      byEmailDomain: true,
    });
  } catch (error) {
    if (isDuplicateKey(error)) return null;
    throw error;
  }
  await UserModel.updateOne(
    { _id: userId, organisationId: null },
    { $set: { organisationId: organisation._id } },
  );
  return String(organisation._id);
}
