import { expect } from 'vitest';
import type { Innovation, InnovationChange, Organisation } from '@common-ground/shared';
import {
  createCommunity,
  createOrganisation,
  joinCommunityAs,
  registerUser,
  type SignedIn,
} from '../support/factories.ts';
import { api } from '../support/http.ts';
import { buildInnovation, confirmAt } from './innovationCases.ts';

/** A community with a source organisation's member, people from elsewhere, an observer at the source, an outsider. */
export interface InnovationWorld {
  communityId: string;
  source: Organisation;
  sourceAdmin: SignedIn;
  author: SignedIn;
  facilitator: SignedIn;
  otherMember: SignedIn;
  sourceObserver: SignedIn;
  outsider: SignedIn;
}

/** Builds the world over HTTP: the source's admin confirms the author, the observer and the outsider. */
export async function innovationWorld(origin: string): Promise<InnovationWorld> {
  const facilitator = await registerUser(origin, { displayName: 'Fatima Facilitator' });
  const community = await createCommunity(origin, facilitator);
  const sourceAdmin = await registerUser(origin);
  const source = await createOrganisation(origin, sourceAdmin, { kind: 'voluntary' });
  const join = (role: 'member' | 'observer') => joinCommunityAs(origin, facilitator, community.id, role);
  const author = await join('member');
  await confirmAt(origin, sourceAdmin, source, author);
  const sourceObserver = await join('observer');
  await confirmAt(origin, sourceAdmin, source, sourceObserver);
  const otherMember = await join('member');
  await createOrganisation(origin, otherMember);
  await createOrganisation(origin, facilitator);
  const outsider = await registerUser(origin);
  await confirmAt(origin, sourceAdmin, source, outsider);
  return {
    communityId: community.id,
    source,
    sourceAdmin,
    author,
    facilitator,
    otherMember,
    sourceObserver,
    outsider,
  };
}

/** The innovation routes, called as someone in the world (origin and world read when called). */
export function innovationCalls(origin: () => string, world: () => InnovationWorld) {
  const call = <T>(method: string, path: string, who: SignedIn | null, body?: unknown) =>
    api<T>(origin(), method, path, { cookie: who?.cookie ?? null, body });
  const create = (who: SignedIn, body: unknown) =>
    call<{ innovation: Innovation }>(
      'POST',
      `/api/communities/${world().communityId}/innovations`,
      who,
      body,
    );
  const patch = (id: string, who: SignedIn, body: unknown) =>
    call<{ innovation: Innovation }>('PATCH', `/api/innovations/${id}`, who, body);
  const history = async (id: string, who: SignedIn) =>
    (await call<{ history: InnovationChange[] }>('GET', `/api/innovations/${id}/history`, who)).body.history;
  /** A new innovation by the world's author. */
  const fresh = async () => {
    const created = await create(world().author, buildInnovation(world().source.id));
    expect(created.status).toBe(201);
    return created.body.innovation;
  };
  return { call, create, patch, history, fresh };
}
