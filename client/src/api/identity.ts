import {
  routes,
  urlFor,
  type Organisation,
  type OrganisationManageAbilities,
  type SingleSignOn,
} from '@common-ground/shared';
import { api } from './apiClient.ts';

/** Whether single sign-on is offered, and the words of its button. */
export async function fetchSingleSignOn(): Promise<SingleSignOn> {
  return api(routes.getSingleSignOn);
}

/** The address the browser follows to sign in at the organisation's provider (a full-page redirect, not a fetch). */
export function singleSignOnUrl(next: string | null): string {
  return urlFor(routes.startSingleSignOn, { query: next ? { next } : {} });
}

/** Verifies the address given at sign-up with the token from the emailed link. */
export async function verifyEmail(token: string): Promise<string> {
  return (await api(routes.verifyEmail, { body: { token } })).email;
}

/** Emails a new verification link to the signed-in person's address. */
export async function resendEmailVerification(): Promise<void> {
  await api(routes.resendEmailVerification, { body: {} });
}

/** One organisation, with what the caller may do about it (verify it, set its domains). */
export async function fetchOrganisation(
  id: string,
): Promise<{ organisation: Organisation; abilities?: OrganisationManageAbilities }> {
  return api(routes.getOrganisation, { params: { id } });
}

/** Sets a verified organisation's email domains (its admins). */
export async function setOrganisationDomains(id: string, emailDomains: string[]): Promise<Organisation> {
  return (await api(routes.updateOrganisation, { params: { id }, body: { emailDomains } })).organisation;
}

/** Marks an organisation verified, or takes that back. */
export async function setOrganisationVerified(id: string, verified: boolean): Promise<Organisation> {
  return (await api(routes.verifyOrganisation, { params: { id }, body: { verified } })).organisation;
}
