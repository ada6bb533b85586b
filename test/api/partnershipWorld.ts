import type { Innovation, Organisation, Room } from '@common-ground/shared';
import {
  createCommunity,
  createOrganisation,
  createRoom,
  joinCommunityAs,
  registerUser,
  type SignedIn,
} from '../support/factories.ts';
import { api } from '../support/http.ts';
import { buildInnovation } from './innovationCases.ts';

/**
 * A community with a partnership spreading an innovation: a source and two recipients (each person created their
 * organisation, so is confirmed there), a facilitator of none of them, a member from elsewhere, and an outsider.
 */
export interface PartnershipWorld {
  communityId: string;
  facilitator: SignedIn;
  sourcePerson: SignedIn;
  recipientPerson: SignedIn;
  secondRecipientPerson: SignedIn;
  elsewhere: SignedIn;
  outsider: SignedIn;
  source: Organisation;
  recipient: Organisation;
  secondRecipient: Organisation;
  innovation: Innovation;
  /** Partners-only (the default for a new partnership). */
  room: Room;
}

/** Builds the world over HTTP. */
export async function partnershipWorld(origin: string): Promise<PartnershipWorld> {
  const facilitator = await registerUser(origin, { displayName: 'Fatima Facilitator' });
  const community = await createCommunity(origin, facilitator);
  await createOrganisation(origin, facilitator, { name: `Facilitation Hub ${community.id.slice(-6)}` });
  const person = async (
    name: string,
    organisation: string,
    kind: Organisation['kind'] = 'local-authority',
  ) => {
    const who = await joinCommunityAs(
      origin,
      facilitator,
      community.id,
      'member',
      await registerUser(origin, { displayName: name }),
    );
    return {
      who,
      organisation: await createOrganisation(origin, who, {
        name: `${organisation} ${community.id.slice(-6)}`,
        kind,
      }),
    };
  };
  const source = await person('Sam Source', 'Northshire Family Services', 'voluntary');
  const recipient = await person('Rita Recipient', 'Westborough Council');
  const second = await person('Ravi Recipient', 'Eastmoor Council');
  const elsewhere = await person('Ella Elsewhere', 'Southvale Council');
  const outsider = await registerUser(origin, { displayName: 'Owen Outsider' });
  const created = await api<{ innovation: Innovation }>(
    origin,
    'POST',
    `/api/communities/${community.id}/innovations`,
    {
      cookie: source.who.cookie,
      body: buildInnovation(source.organisation.id),
    },
  );
  if (created.status !== 201)
    throw new Error(`innovation: ${created.status} ${JSON.stringify(created.body)}`);
  const room = await createRoom(origin, source.who, community.id, {
    kind: 'partnership',
    title: 'Northshire and partners',
    sourceOrganisationId: source.organisation.id,
    recipientOrganisationIds: [recipient.organisation.id, second.organisation.id],
    innovationId: created.body.innovation.id,
  });
  return {
    communityId: community.id,
    facilitator,
    sourcePerson: source.who,
    recipientPerson: recipient.who,
    secondRecipientPerson: second.who,
    elsewhere: elsewhere.who,
    outsider,
    source: source.organisation,
    recipient: recipient.organisation,
    secondRecipient: second.organisation,
    innovation: created.body.innovation,
    room,
  };
}

/** Calls an API path as someone (or nobody). */
export const as =
  (origin: () => string) =>
  <T = unknown>(who: SignedIn | null, method: string, path: string, body?: unknown) =>
    api<T>(origin(), method, path, { cookie: who?.cookie ?? null, body });
