import type { Community } from '@common-ground/shared';
import { OrganisationModel } from '../../server/src/models/Organisation.ts';
import { createOrganisation, joinCommunityAs, registerUser, type SignedIn } from '../support/factories.ts';
import { api } from '../support/http.ts';

/**
 * `organisation.verify` for a community role: a fresh organisation whose admin takes part in the world's community,
 * verified by the caller. Only the capability decides (the caller never works there; no platform administrator).
 */
export async function probeOrganisationVerify(
  world: { origin: string; community: Community; facilitator: SignedIn },
  cookie: string | null,
): Promise<{ status: number; effect: boolean }> {
  const founder = await registerUser(world.origin);
  const organisation = await createOrganisation(world.origin, founder);
  await joinCommunityAs(world.origin, world.facilitator, world.community.id, 'member', founder);
  const result = await api(world.origin, 'PUT', `/api/organisations/${organisation.id}/verification`, {
    cookie,
    body: { verified: true },
  });
  const stored = await OrganisationModel.findById(organisation.id, { verifiedAt: 1 }).lean();
  return { status: result.status, effect: Boolean(stored?.verifiedAt) };
}
