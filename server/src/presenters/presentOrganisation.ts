import type { Organisation, OrganisationKind } from '@common-ground/shared';
import type { OrganisationRecord } from '../models/Organisation.ts';

/** Organisation model → shared DTO. */
export function presentOrganisation(
  organisation: Pick<OrganisationRecord, '_id' | 'name' | 'kind' | 'region'>,
): Organisation {
  return {
    id: String(organisation._id),
    name: organisation.name,
    kind: organisation.kind as OrganisationKind,
    region: organisation.region ?? null,
  };
}
