import type { Organisation, OrganisationKind, OrganisationTag } from '@common-ground/shared';
import type { OrganisationRecord } from '../models/Organisation.ts';

/** Organisation model → shared DTO. */
export function presentOrganisation(
  organisation: Pick<OrganisationRecord, '_id' | 'name' | 'kind' | 'region' | 'verifiedAt' | 'emailDomains'>,
): Organisation {
  return {
    id: String(organisation._id),
    name: organisation.name,
    kind: organisation.kind as OrganisationKind,
    region: organisation.region ?? null,
    verified: Boolean(organisation.verifiedAt),
    emailDomains: [...(organisation.emailDomains ?? [])],
  };
}

/** Organisation model → how it is shown next to a person's name: its name and whether it is verified. */
export function presentOrganisationTag(
  organisation: Pick<OrganisationRecord, '_id' | 'name' | 'verifiedAt'>,
): OrganisationTag {
  return {
    id: String(organisation._id),
    name: organisation.name,
    verified: Boolean(organisation.verifiedAt),
  };
}
