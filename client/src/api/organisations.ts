import {
  routes,
  type Affiliation,
  type CreateOrganisationBody,
  type Organisation,
} from '@common-ground/shared';
import { api } from './apiClient.ts';

/** Finds organisations whose name contains the search text. */
export async function searchOrganisations(search: string): Promise<Organisation[]> {
  const query = search.trim() ? { search: search.trim() } : {};
  return (await api(routes.searchOrganisations, { query })).organisations;
}

/** Creates an organisation; its creator becomes its first admin. */
export async function createOrganisation(body: CreateOrganisationBody): Promise<Organisation> {
  return (await api(routes.createOrganisation, { body })).organisation;
}

/** Asks the organisation's admins to confirm that the caller works there. */
export async function requestToJoin(organisationId: string): Promise<Affiliation> {
  return (await api(routes.requestAffiliation, { params: { id: organisationId }, body: {} })).affiliation;
}

/** The organisation's people; admins also see pending requests. */
export async function listAffiliations(organisationId: string): Promise<Affiliation[]> {
  return (await api(routes.listAffiliations, { params: { id: organisationId } })).affiliations;
}

/** Confirms someone's request, or makes them an admin. */
export async function updateAffiliation(
  organisationId: string,
  userId: string,
  body: { status?: 'confirmed'; isAdmin?: boolean },
): Promise<Affiliation> {
  return (await api(routes.updateAffiliation, { params: { id: organisationId, userId }, body })).affiliation;
}

/** Declines a request, removes someone, or leaves. */
export async function removeAffiliation(organisationId: string, userId: string): Promise<void> {
  await api(routes.removeAffiliation, { params: { id: organisationId, userId } });
}
