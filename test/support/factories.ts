import { randomUUID } from 'node:crypto';
import type {
  Community,
  CommunityRole,
  CreateRoomBody,
  Organisation,
  Role,
  Room,
  User,
  Visitor,
} from '@common-ground/shared';
import { api } from './http.ts';

/** Registration details for a new person; every call gives a new email. */
export function buildUser(overrides: Partial<{ email: string; password: string; displayName: string }> = {}) {
  const id = randomUUID().slice(0, 8);
  return {
    email: `person-${id}@example.org`,
    password: 'a long enough password',
    displayName: `Person ${id}`,
    ...overrides,
  };
}

/** Someone signed in: their user DTO and the Cookie header value that carries their session. */
export interface SignedIn {
  user: User;
  cookie: string;
  password: string;
}

function expectStatus(result: { status: number; body: unknown }, status: number, what: string): void {
  if (result.status !== status)
    throw new Error(`${what}: expected ${status}, got ${result.status} ${JSON.stringify(result.body)}`);
}

/** Registers a new user over HTTP and returns their session cookie. */
export async function registerUser(
  origin: string,
  overrides: Parameters<typeof buildUser>[0] = {},
): Promise<SignedIn> {
  const details = buildUser(overrides);
  const result = await api<{ user: User }>(origin, 'POST', '/api/auth/register', { body: details });
  expectStatus(result, 201, 'register');
  if (!result.cookie) throw new Error('register set no session cookie');
  return { user: result.body.user, cookie: result.cookie, password: details.password };
}

/** Creates an organisation with the signed-in person as its admin. */
export async function createOrganisation(
  origin: string,
  who: SignedIn,
  overrides: Partial<{ name: string; kind: Organisation['kind']; region: string }> = {},
): Promise<Organisation> {
  const body = {
    name: `Organisation ${randomUUID().slice(0, 8)}`,
    kind: 'local-authority' as const,
    ...overrides,
  };
  const result = await api<{ organisation: Organisation }>(origin, 'POST', '/api/organisations', {
    cookie: who.cookie,
    body,
  });
  expectStatus(result, 201, 'create organisation');
  return result.body.organisation;
}

/** Creates a community with the signed-in person as facilitator. */
export async function createCommunity(
  origin: string,
  who: SignedIn,
  overrides: Partial<{ name: string; purpose: string }> = {},
): Promise<Community> {
  const body = {
    name: `Community ${randomUUID().slice(0, 8)}`,
    purpose: 'Learning together about family group conferencing',
    ...overrides,
  };
  const result = await api<{ community: Community }>(origin, 'POST', '/api/communities', {
    cookie: who.cookie,
    body,
  });
  expectStatus(result, 201, 'create community');
  return result.body.community;
}

/** Invites a new person with a role and has them accept, over HTTP; returns them signed in. */
export async function joinCommunityAs(
  origin: string,
  facilitator: SignedIn,
  communityId: string,
  role: CommunityRole,
  person?: SignedIn,
): Promise<SignedIn> {
  const member = person ?? (await registerUser(origin));
  const invitation = await api<{ invitation: { token: string } }>(
    origin,
    'POST',
    `/api/communities/${communityId}/invitations`,
    {
      cookie: facilitator.cookie,
      body: { email: member.user.email, role },
    },
  );
  expectStatus(invitation, 201, 'invite');
  const accepted = await api(origin, 'POST', `/api/invitations/${invitation.body.invitation.token}/accept`, {
    cookie: member.cookie,
  });
  expectStatus(accepted, 200, 'accept invitation');
  return member;
}

/**
 * Creates a room in a community: an open day unless told otherwise, so everyone in the community reaches it through
 * their community role. A learning set is closed to its own people (its creator, until {@link addToSet}).
 */
export async function createRoom(
  origin: string,
  who: SignedIn,
  communityId: string,
  overrides: Partial<CreateRoomBody> = {},
): Promise<Room> {
  const body = { title: `Room ${randomUUID().slice(0, 8)}`, kind: 'open-day', ...overrides };
  const result = await api<{ room: Room }>(origin, 'POST', `/api/communities/${communityId}/rooms`, {
    cookie: who.cookie,
    body,
  });
  expectStatus(result, 201, 'create room');
  return result.body.room;
}

/** An open-day visitor: the pass that admitted them and their session cookie. */
export interface VisitorSession {
  visitor: Visitor;
  cookie: string;
  passId: string;
  token: string;
}

/** Issues a visitor pass for an open-day room and starts a visit with it. */
export async function createVisitor(
  origin: string,
  facilitator: SignedIn,
  roomId: string,
  displayName = 'Open day visitor',
): Promise<VisitorSession> {
  const pass = await api<{ pass: { id: string; token: string } }>(
    origin,
    'POST',
    `/api/rooms/${roomId}/visitor-passes`,
    {
      cookie: facilitator.cookie,
      body: { label: 'Open day', expiresAt: new Date(Date.now() + 24 * 3600_000).toISOString() },
    },
  );
  expectStatus(pass, 201, 'create visitor pass');
  const visit = await api<{ visitor: Visitor }>(origin, 'POST', '/api/visits', {
    body: { token: pass.body.pass.token, displayName },
  });
  expectStatus(visit, 200, 'start visit');
  if (!visit.cookie) throw new Error('visit set no session cookie');
  return {
    visitor: visit.body.visitor,
    cookie: visit.cookie,
    passId: pass.body.pass.id,
    token: pass.body.pass.token,
  };
}

/** Changes a member's role. */
export async function setRole(
  origin: string,
  facilitator: SignedIn,
  communityId: string,
  userId: string,
  role: CommunityRole,
) {
  const result = await api(origin, 'PATCH', `/api/communities/${communityId}/members/${userId}`, {
    cookie: facilitator.cookie,
    body: { role },
  });
  expectStatus(result, 200, 'set role');
}

/** Removes a member from a community. */
export async function removeMember(
  origin: string,
  facilitator: SignedIn,
  communityId: string,
  userId: string,
) {
  const result = await api(origin, 'DELETE', `/api/communities/${communityId}/members/${userId}`, {
    cookie: facilitator.cookie,
  });
  expectStatus(result, 204, 'remove member');
}

/** Revokes a visitor pass. */
export async function revokePass(origin: string, facilitator: SignedIn, roomId: string, passId: string) {
  const result = await api(origin, 'DELETE', `/api/rooms/${roomId}/visitor-passes/${passId}`, {
    cookie: facilitator.cookie,
  });
  expectStatus(result, 204, 'revoke pass');
}

/** Adds someone from the community to a learning set with a role, or changes their role there, as a set facilitator. */
export async function addToSet(
  origin: string,
  facilitator: SignedIn,
  roomId: string,
  userId: string,
  role: CommunityRole,
) {
  const result = await api(origin, 'POST', `/api/rooms/${roomId}/members`, {
    cookie: facilitator.cookie,
    body: { userId, role },
  });
  expectStatus(result, 200, 'add to set');
}

/**
 * A room of the given kind (open-day by default, so visitors can join) with one signed-in caller for every role. In
 * a learning set, the member and the observer are also its people, with the same roles.
 */
export async function roomWithEveryRole(origin: string, kind: Room['kind'] = 'open-day') {
  const facilitator = await registerUser(origin, { displayName: 'Fatima Facilitator' });
  const community = await createCommunity(origin, facilitator);
  const room = await createRoom(origin, facilitator, community.id, {
    kind: kind === 'community-space' ? 'learning-set' : kind,
    ...(kind === 'partnership' ? await partnershipOrganisations(origin) : {}),
  });
  const member = await joinCommunityAs(origin, facilitator, community.id, 'member');
  const observer = await joinCommunityAs(origin, facilitator, community.id, 'observer');
  if (room.kind === 'learning-set') {
    await addToSet(origin, facilitator, room.id, member.user.id, 'member');
    await addToSet(origin, facilitator, room.id, observer.user.id, 'observer');
  }
  const visitor = room.kind === 'open-day' ? await createVisitor(origin, facilitator, room.id) : null;
  const outsider = await registerUser(origin, { displayName: 'Owen Outsider' });
  const cookies: Record<Role, string | null> = {
    facilitator: facilitator.cookie,
    member: member.cookie,
    observer: observer.cookie,
    visitor: visitor?.cookie ?? null,
  };
  return { community, room, facilitator, member, observer, visitor, outsider, cookies };
}

async function partnershipOrganisations(origin: string) {
  const source = await registerUser(origin);
  const recipient = await registerUser(origin);
  const sourceOrganisation = await createOrganisation(origin, source, { kind: 'voluntary' });
  const recipientOrganisation = await createOrganisation(origin, recipient);
  return {
    sourceOrganisationId: sourceOrganisation.id,
    recipientOrganisationIds: [recipientOrganisation.id],
  };
}
