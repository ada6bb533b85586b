import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Member, Message, Organisation, OrganisationManageAbilities, User } from '@common-ground/shared';
import { setPlatformAdmin } from '../../server/src/commands/platformAdmins.ts';
import {
  createCommunity,
  createOrganisation,
  createRoom,
  joinCommunityAs,
  registerUser,
  type SignedIn,
} from '../support/factories.ts';
import { api } from '../support/http.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';
import { connectSocket, sendMessage } from '../realtime/discussionClient.ts';

describe('organisations that are who they say', () => {
  let server: TestServer;
  let founder: SignedIn;
  let organisation: Organisation;
  let facilitator: SignedIn;
  let communityId: string;
  let roomId: string;
  beforeAll(async () => {
    server = await startTestServer({ DISABLE_RATE_LIMITS: 'true' });
    founder = await registerUser(server.origin, { displayName: 'Founder' });
    organisation = await createOrganisation(server.origin, founder, { name: 'Leeds City Council' });
    facilitator = await registerUser(server.origin, { displayName: 'Fran Facilitator' });
    const community = await createCommunity(server.origin, facilitator);
    communityId = community.id;
    roomId = (await createRoom(server.origin, facilitator, communityId)).id;
    await joinCommunityAs(server.origin, facilitator, communityId, 'member', founder);
  });
  afterAll(async () => server?.stop());

  const getOrganisation = (who: SignedIn) =>
    api<{ organisation: Organisation; abilities: OrganisationManageAbilities }>(
      server.origin,
      'GET',
      `/api/organisations/${organisation.id}`,
      { cookie: who.cookie },
    );
  const verify = (who: SignedIn, verified: boolean) =>
    api<{ organisation: Organisation }>(
      server.origin,
      'PUT',
      `/api/organisations/${organisation.id}/verification`,
      {
        cookie: who.cookie,
        body: { verified },
      },
    );
  const members = async () =>
    (
      await api<{ members: Member[] }>(server.origin, 'GET', `/api/communities/${communityId}/members`, {
        cookie: facilitator.cookie,
      })
    ).body.members;
  const history = async () =>
    (
      await api<{ messages: Message[] }>(server.origin, 'GET', `/api/rooms/${roomId}/messages`, {
        cookie: facilitator.cookie,
      })
    ).body.messages;

  it('starts unverified, and says so wherever its name appears next to a person', async () => {
    expect(organisation.verified).toBe(false);
    const me = await api<{ user: User }>(server.origin, 'GET', '/api/me', { cookie: founder.cookie });
    expect(me.body.user.organisation).toMatchObject({ name: 'Leeds City Council', verified: false });
    const listed = (await members()).find((member) => member.userId === founder.user.id)!;
    expect(listed.person.organisation).toEqual({
      id: organisation.id,
      name: 'Leeds City Council',
      verified: false,
    });

    const socket = await connectSocket(server.origin, founder.cookie);
    try {
      const sent = await sendMessage(socket, roomId, 'Hello from the council');
      expect(sent.author.organisation).toEqual({
        id: organisation.id,
        name: 'Leeds City Council',
        verified: false,
      });
    } finally {
      socket.close();
    }
  });

  it('cannot be verified by its own admin, nor by a facilitator whose community its people are not in', async () => {
    expect((await getOrganisation(founder)).body.abilities.verify).toBe(false);
    expect((await verify(founder, true)).status).toBe(403);
    const stranger = await registerUser(server.origin);
    await createCommunity(server.origin, stranger);
    expect((await verify(stranger, true)).status).toBe(403);
    expect((await getOrganisation(founder)).body.organisation.verified).toBe(false);
  });

  it('refuses a name that wears a standing, such as "(verified)"', async () => {
    const result = await api(server.origin, 'POST', '/api/organisations', {
      cookie: (await registerUser(server.origin)).cookie,
      body: { name: 'Kent County Council (verified)', kind: 'local-authority' },
    });
    expect(result.status).toBe(400);
  });

  it('is verified by a facilitator of a community its people take part in, and every name shows it', async () => {
    expect((await getOrganisation(facilitator)).body.abilities.verify).toBe(true);
    const verified = await verify(facilitator, true);
    expect(verified.status).toBe(200);
    expect(verified.body.organisation.verified).toBe(true);

    const listed = (await members()).find((member) => member.userId === founder.user.id)!;
    expect(listed.person.organisation?.verified).toBe(true);
    const [message] = await history();
    expect(message!.author.organisation?.verified).toBe(true);
    const me = await api<{ user: User }>(server.origin, 'GET', '/api/me', { cookie: founder.cookie });
    expect(me.body.user.organisation?.verified).toBe(true);
  });

  it('can be un-verified by a platform administrator, whoever they are', async () => {
    const admin = await registerUser(server.origin);
    expect((await verify(admin, false)).status).toBe(403);
    expect(await setPlatformAdmin(admin.user.email, true)).toBe(true);
    const me = await api<{ user: User }>(server.origin, 'GET', '/api/me', { cookie: admin.cookie });
    expect(me.body.user.platformAdmin).toBe(true);
    const result = await verify(admin, false);
    expect(result.status).toBe(200);
    expect(result.body.organisation.verified).toBe(false);
    const [message] = await history();
    expect(message!.author.organisation?.verified).toBe(false);
  });
});
