import {
  affiliationListSchema,
  affiliationResponseSchema,
  organisationListSchema,
  organisationResponseSchema,
  type Affiliation,
  type CreateOrganisationBody,
  type Organisation,
} from '@common-ground/shared';
import { apiRequest } from './apiClient.ts';

const base = (id: string) => `/api/organisations/${encodeURIComponent(id)}`;

/** Finds organisations whose name contains the search text. */
export async function searchOrganisations(search: string): Promise<Organisation[]> {
  const query = search.trim() ? `?search=${encodeURIComponent(search.trim())}` : '';
  return (await apiRequest('GET', `/api/organisations${query}`, { schema: organisationListSchema }))
    .organisations;
}

/** Creates an organisation; its creator becomes its first admin. */
export async function createOrganisation(body: CreateOrganisationBody): Promise<Organisation> {
  return (await apiRequest('POST', '/api/organisations', { body, schema: organisationResponseSchema }))
    .organisation;
}

/** Asks the organisation's admins to confirm that the caller works there. */
export async function requestToJoin(organisationId: string): Promise<Affiliation> {
  return (
    await apiRequest('POST', `${base(organisationId)}/affiliations`, {
      body: {},
      schema: affiliationResponseSchema,
    })
  ).affiliation;
}

/** The organisation's people; admins also see pending requests. */
export async function listAffiliations(organisationId: string): Promise<Affiliation[]> {
  return (await apiRequest('GET', `${base(organisationId)}/affiliations`, { schema: affiliationListSchema }))
    .affiliations;
}

/** Confirms someone's request, or makes them an admin. */
export async function updateAffiliation(
  organisationId: string,
  userId: string,
  body: { status?: 'confirmed'; isAdmin?: boolean },
): Promise<Affiliation> {
  return (
    await apiRequest('PATCH', `${base(organisationId)}/affiliations/${encodeURIComponent(userId)}`, {
      body,
      schema: affiliationResponseSchema,
    })
  ).affiliation;
}

/** Declines a request, removes someone, or leaves. */
export async function removeAffiliation(organisationId: string, userId: string): Promise<void> {
  await apiRequest('DELETE', `${base(organisationId)}/affiliations/${encodeURIComponent(userId)}`);
}
