import { leaveOrganisationProblem, type MyOrganisation } from '@common-ground/shared';
import { adminCountOf } from '../commands/affiliationRemover.ts';
import { trusted } from '../database/trusted.ts';
import { OrganisationModel } from '../models/Organisation.ts';
import { OrganisationAffiliationModel } from '../models/OrganisationAffiliation.ts';
import { presentOrganisation } from '../presenters/presentOrganisation.ts';

/** The organisations a person belongs to or asked to join, oldest first, with whether they may leave each. */
export async function myOrganisations(userId: string): Promise<MyOrganisation[]> {
  const affiliations = await OrganisationAffiliationModel.find({ userId }).sort({ requestedAt: 1 }).lean();
  const organisations = await OrganisationModel.find({
    _id: trusted({ $in: affiliations.map((affiliation) => affiliation.organisationId) }),
  }).lean();
  const byId = new Map(organisations.map((organisation) => [String(organisation._id), organisation]));
  const list: MyOrganisation[] = [];
  for (const affiliation of affiliations) {
    const organisation = byId.get(String(affiliation.organisationId));
    if (!organisation) continue;
    const isAdmin = affiliation.status === 'confirmed' && affiliation.isAdmin;
    list.push({
      organisation: presentOrganisation(organisation),
      status: affiliation.status as 'pending' | 'confirmed',
      isAdmin,
      leaveProblem: leaveOrganisationProblem(
        { isAdmin },
        isAdmin ? await adminCountOf(String(organisation._id)) : 0,
      ),
    });
  }
  return list;
}
