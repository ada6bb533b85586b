import { randomUUID } from 'node:crypto';
import type { Room } from '@common-ground/shared';
import { JourneyEventModel } from '../../server/src/models/JourneyEvent.ts';
import { createOrganisation, createRoom, registerUser, type SignedIn } from '../support/factories.ts';
import { api } from '../support/http.ts';
import { organisationConfirming } from './innovationCases.ts';

/** The part of the matrix's world these probes need. */
interface PartnershipWorld {
  origin: string;
  community: { id: string };
  facilitator: SignedIn;
}

type PartnershipProbe = (
  world: PartnershipWorld,
  cookie: string | null,
) => Promise<{ status: number; effect?: boolean }>;

/** A partners-only partnership between two new organisations nobody in the matrix works for. */
async function partnershipOfOthers(world: PartnershipWorld): Promise<Room> {
  const source = await createOrganisation(world.origin, await registerUser(world.origin));
  const recipient = await createOrganisation(world.origin, await registerUser(world.origin));
  return createRoom(world.origin, world.facilitator, world.community.id, {
    kind: 'partnership',
    sourceOrganisationId: source.id,
    recipientOrganisationIds: [recipient.id],
  });
}

/**
 * The matrix's probes for partnerships. `partnership.oversee`: the health of a partners-only partnership of other
 * organisations (facilitators only). `partnership.record`: logging a call in a partnership whose source the caller is
 * confirmed at, so only the capability decides.
 */
export const PARTNERSHIP_PROBES: Record<'partnership.oversee' | 'partnership.record', PartnershipProbe> = {
  'partnership.oversee': async (world, cookie) => {
    const room = await partnershipOfOthers(world);
    return {
      status: (await api(world.origin, 'GET', `/api/partnerships/${room.id}/engagement`, { cookie })).status,
    };
  },
  'partnership.record': async (world, cookie) => {
    const source = await organisationConfirming(world.origin, cookie);
    const recipient = await createOrganisation(world.origin, await registerUser(world.origin));
    const room = await createRoom(world.origin, world.facilitator, world.community.id, {
      kind: 'partnership',
      sourceOrganisationId: source.id,
      recipientOrganisationIds: [recipient.id],
    });
    const note = `Call ${randomUUID().slice(0, 8)}`;
    const result = await api(world.origin, 'POST', `/api/partnerships/${room.id}/contacts`, {
      cookie,
      body: { kind: 'call', note },
    });
    return { status: result.status, effect: (await JourneyEventModel.exists({ note })) !== null };
  },
};
