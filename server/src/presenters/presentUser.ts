import type { User } from '@common-ground/shared';
import { OrganisationModel } from '../models/Organisation.ts';
import { OrganisationAffiliationModel } from '../models/OrganisationAffiliation.ts';
import type { UserRecord } from '../models/User.ts';
import { presentOrganisation } from './presentOrganisation.ts';

/** User model → the DTO a person sees about themselves, with their organisation and whether it is confirmed. */
export async function presentUser(
  user: Pick<
    UserRecord,
    '_id' | 'email' | 'displayName' | 'organisationId' | 'createdAt' | 'emailVerifiedAt' | 'platformAdmin'
  >,
): Promise<User> {
  const [organisation, affiliation] = user.organisationId
    ? await Promise.all([
        OrganisationModel.findById(user.organisationId).lean(),
        OrganisationAffiliationModel.findOne({
          organisationId: user.organisationId,
          userId: user._id,
        }).lean(),
      ])
    : [null, null];
  return {
    id: String(user._id),
    email: user.email,
    displayName: user.displayName,
    organisation: organisation ? presentOrganisation(organisation) : null,
    organisationStatus:
      organisation && affiliation ? (affiliation.status as 'pending' | 'confirmed') : 'none',
    emailVerified: Boolean(user.emailVerifiedAt),
    platformAdmin: Boolean(user.platformAdmin),
    createdAt: user.createdAt.toISOString(),
  };
}
