import {
  FORMER_MEMBER_NAME,
  type Innovation,
  type InnovationAbilities,
  type InnovationChange,
  type Organisation,
} from '@common-ground/shared';
import { trusted } from '../database/trusted.ts';
import type { InnovationRecord } from '../models/Innovation.ts';
import type { InnovationChangeRecord } from '../models/InnovationChange.ts';
import { contentOf } from '../models/innovationContent.ts';
import { OrganisationModel } from '../models/Organisation.ts';
import { presentOrganisation } from './presentOrganisation.ts';
import { presentPeople } from './presentPeople.ts';

// A deleted account is named as everywhere else an erased person used to be.
const unknownPerson = (id: string) => ({ id, displayName: FORMER_MEMBER_NAME, organisation: null });

/** Innovation models → shared DTOs, each with what the caller may do with it, in a few batched queries. */
export async function presentInnovations(
  innovations: InnovationRecord[],
  abilitiesOf: (innovation: InnovationRecord) => InnovationAbilities,
): Promise<Innovation[]> {
  const organisations = await OrganisationModel.find({
    _id: trusted({ $in: innovations.map((innovation) => innovation.sourceOrganisationId) }),
  }).lean();
  const organisationById = new Map<string, Organisation>(
    organisations.map((organisation) => [String(organisation._id), presentOrganisation(organisation)]),
  );
  const people = await presentPeople(innovations.flatMap((innovation) => innovation.contacts.map(String)));
  return innovations.map((innovation) => {
    const content = contentOf(innovation);
    const sourceId = String(innovation.sourceOrganisationId);
    return {
      id: String(innovation._id),
      communityId: String(innovation.communityId),
      sourceOrganisation: organisationById.get(sourceId) ?? {
        id: sourceId,
        name: 'An organisation that has been removed',
        kind: 'other',
        region: null,
        verified: false,
        emailDomains: [],
      },
      ...content,
      contacts: content.contacts.map((id) => people.get(id) ?? unknownPerson(id)),
      revision: innovation.revision,
      createdAt: innovation.createdAt.toISOString(),
      updatedAt: innovation.updatedAt.toISOString(),
      abilities: abilitiesOf(innovation),
    };
  });
}

/** One innovation → its DTO. */
export async function presentInnovation(
  innovation: InnovationRecord,
  abilities: InnovationAbilities,
): Promise<Innovation> {
  const [presented] = await presentInnovations([innovation], () => abilities);
  return presented!;
}

/** History entries → DTOs naming who made each change. */
export async function presentInnovationHistory(
  changes: InnovationChangeRecord[],
): Promise<InnovationChange[]> {
  const people = await presentPeople(changes.map((change) => String(change.changedBy)));
  return changes.map((change) => {
    const changedBy = String(change.changedBy);
    return {
      id: String(change._id),
      revision: change.revision,
      changedAt: change.changedAt.toISOString(),
      changedBy: people.get(changedBy) ?? unknownPerson(changedBy),
      changes: change.changes.map(({ field, summary }) => ({
        field: field as InnovationChange['changes'][number]['field'],
        summary,
      })),
    };
  });
}
