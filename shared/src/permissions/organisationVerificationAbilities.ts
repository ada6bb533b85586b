import type { OrganisationManageAbilities } from '../schemas/organisations.ts';
import {
  can,
  canInOrganisation,
  canOnPlatform,
  type OrganisationRole,
  type PlatformRole,
  type Role,
} from './roles.ts';

/** Where someone stands towards one organisation, as the server's organisation policy found it. */
export interface OrganisationStanding {
  /** Whether the organisation is verified: its email domains count only then, so only then may its admins set them. */
  verified: boolean;
  /** Their platform role, if any. */
  platformRole: PlatformRole | null;
  /** Their role in this organisation (null when they have no claim to work there). */
  organisationRole: OrganisationRole | null;
  /**
   * Their community roles in the communities where a confirmed member of this organisation takes part: a facilitator
   * there has met its people.
   */
  rolesWhereItTakesPart: readonly Role[];
}

/**
 * What someone may do about an organisation itself. Once it is verified, its admins edit its email domains (an
 * unverified one could otherwise claim a council's domain and collect its staff's requests). A platform administrator may
 * verify (or un-verify) any organisation; a community facilitator may for an organisation whose confirmed people take
 * part in a community they facilitate, but never for one they claim to work for themselves, so nobody verifies the
 * organisation they made.
 */
export function organisationVerificationAbilities(
  standing: OrganisationStanding,
): OrganisationManageAbilities {
  const facilitatesIt = standing.rolesWhereItTakesPart.some((role) => can(role, 'organisation.verify'));
  return {
    editDomains:
      standing.verified && canInOrganisation(standing.organisationRole, 'organisation.people.manage'),
    verify:
      canOnPlatform(standing.platformRole, 'organisation.verify') ||
      (facilitatesIt && standing.organisationRole === null),
  };
}
