import type { Person } from '@common-ground/shared';
import { OrganisationModel } from '../models/Organisation.ts';
import { OrganisationAffiliationModel } from '../models/OrganisationAffiliation.ts';
import { UserModel } from '../models/User.ts';
import { presentOrganisationTag } from './presentOrganisation.ts';
import { trusted } from '../database/trusted.ts';

/** Users → how others see them (name and confirmed organisation, never email), in a few batched queries. */
export async function presentPeople(userIds: string[]): Promise<Map<string, Person>> {
  const unique = [...new Set(userIds)];
  const users = await UserModel.find(
    { _id: trusted({ $in: unique }) },
    { displayName: 1, organisationId: 1 },
  ).lean();
  const confirmed = await OrganisationAffiliationModel.find({
    userId: trusted({ $in: unique }),
    status: 'confirmed',
  }).lean();
  const organisations = await OrganisationModel.find({
    _id: trusted({ $in: confirmed.map((a) => a.organisationId) }),
  }).lean();
  const organisationById = new Map(organisations.map((o) => [String(o._id), o]));
  const confirmedByUser = new Set(confirmed.map((a) => `${String(a.userId)}:${String(a.organisationId)}`));
  const people = new Map<string, Person>();
  for (const user of users) {
    const organisationId = user.organisationId ? String(user.organisationId) : null;
    const organisation =
      organisationId && confirmedByUser.has(`${String(user._id)}:${organisationId}`)
        ? organisationById.get(organisationId)
        : undefined;
    people.set(String(user._id), {
      id: String(user._id),
      displayName: user.displayName,
      organisation: organisation ? presentOrganisationTag(organisation) : null,
    });
  }
  return people;
}
