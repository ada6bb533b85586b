import { canInOrganisation, type OrganisationRole } from './roles.ts';

/** What someone may do about an organisation's people as a whole. */
export interface OrganisationAbilities {
  /** See who is confirmed as working there. */
  listPeople: boolean;
  /** Administer people: see requests and email addresses, confirm, decline, remove, appoint admins. */
  administer: boolean;
}

/** What an organisation role may do about its people, asked by the organisation routes and page alike. */
export function organisationAbilities(role: OrganisationRole | null | undefined): OrganisationAbilities {
  return {
    listPeople: canInOrganisation(role, 'organisation.people.list'),
    administer: canInOrganisation(role, 'organisation.people.manage'),
  };
}
