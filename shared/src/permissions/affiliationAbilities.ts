import type { AffiliationAbilities } from '../schemas/organisations.ts';
import { organisationAbilities } from './organisationAbilities.ts';
import type { OrganisationViewer } from './viewers.ts';

/** What the viewer may do about one person's affiliation: admins confirm and appoint; anyone may withdraw their own. */
export function affiliationAbilities(
  viewer: OrganisationViewer,
  affiliation: { userId: string },
): AffiliationAbilities {
  const { administer } = organisationAbilities(viewer.role);
  return { update: administer, remove: administer || viewer.id === affiliation.userId };
}
