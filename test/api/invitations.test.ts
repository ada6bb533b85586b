import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommunityRole } from '@common-ground/shared';
import { InvitationModel } from '../../server/src/models/Invitation.ts';
import { MembershipModel } from '../../server/src/models/Membership.ts';
import { createCommunity, registerUser, type SignedIn } from '../support/factories.ts';
import { api } from '../support/http.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';

describe('invitations', () => {
  let server: TestServer;
  let facilitator: SignedIn;
  let communityId: string;
  beforeAll(async () => {
    server = await startTestServer({ DISABLE_RATE_LIMITS: 'true' });
    facilitator = await registerUser(server.origin);
    communityId = (await createCommunity(server.origin, facilitator)).id;
  });
  afterAll(async () => server?.stop());

  async function invite(email: string, role: CommunityRole = 'member', inCommunity = communityId) {
    const result = await api<{ invitation: { id: string; token: string } }>(
      server.origin,
      'POST',
      `/api/communities/${inCommunity}/invitations`,
      { cookie: facilitator.cookie, body: { email, role } },
    );
    expect(result.status).toBe(201);
    return result.body.invitation;
  }
  const accept = (token: string, who: SignedIn) =>
    api<{ error?: { code: string } }>(server.origin, 'POST', `/api/invitations/${token}/accept`, {
      cookie: who.cookie,
    });
  const memberships = (userId: string) => MembershipModel.countDocuments({ communityId, userId });

  it('works once: the second accept is 410', async () => {
    const person = await registerUser(server.origin);
    const { token } = await invite(person.user.email);
    expect((await accept(token, person)).status).toBe(200);
    const again = await accept(token, person);
    expect(again.status).toBe(410);
    expect(again.body.error?.code).toBe('gone');
    expect(await memberships(person.user.id)).toBe(1);
  });

  it('lets exactly one of two concurrent accepts through', async () => {
    for (let round = 0; round < 5; round += 1) {
      const person = await registerUser(server.origin);
      const { token } = await invite(person.user.email, 'observer');
      const results = await Promise.all([accept(token, person), accept(token, person)]);
      const statuses = results.map((result) => result.status).sort();
      expect(statuses, `round ${round}`).toEqual([200, 410]);
      expect(await memberships(person.user.id)).toBe(1);
    }
  });

  it('expires: an invitation past its expiresAt is 410 to preview and to accept, and grants nothing', async () => {
    const person = await registerUser(server.origin);
    const { id, token } = await invite(person.user.email);
    await InvitationModel.updateOne({ _id: id }, { $set: { expiresAt: new Date(Date.now() - 1000) } });
    const preview = await api(server.origin, 'GET', `/api/invitations/${token}`, { cookie: person.cookie });
    expect(preview.status).toBe(410);
    const result = await accept(token, person);
    expect(result.status).toBe(410);
    expect(await memberships(person.user.id)).toBe(0);
  });

  it('cannot be used by a different email address (403), and stays usable for the right one', async () => {
    const intended = await registerUser(server.origin);
    const other = await registerUser(server.origin);
    const { token } = await invite(intended.user.email.toUpperCase(), 'facilitator');
    const stolen = await accept(token, other);
    expect(stolen.status).toBe(403);
    expect(await memberships(other.user.id)).toBe(0);
    expect((await accept(token, intended)).status).toBe(200);
  });

  it('needs a signed-in user to accept, and refuses unknown tokens with 404', async () => {
    const person = await registerUser(server.origin);
    const { token } = await invite(person.user.email);
    expect((await api(server.origin, 'POST', `/api/invitations/${token}/accept`)).status).toBe(401);
    expect((await accept('x'.repeat(43), person)).status).toBe(404);
    expect(await InvitationModel.findOne({ email: person.user.email }).lean()).toMatchObject({
      acceptedAt: null,
    });
  });

  it('stops working once withdrawn, and cannot be withdrawn through another community', async () => {
    const person = await registerUser(server.origin);
    const invitation = await invite(person.user.email);
    const stranger = await registerUser(server.origin);
    const strangersCommunity = await createCommunity(server.origin, stranger);
    const sideways = await api(
      server.origin,
      'DELETE',
      `/api/communities/${strangersCommunity.id}/invitations/${invitation.id}`,
      { cookie: stranger.cookie },
    );
    expect(sideways.status).toBe(404);
    expect(await InvitationModel.exists({ _id: invitation.id })).not.toBeNull();
    const withdrawn = await api(
      server.origin,
      'DELETE',
      `/api/communities/${communityId}/invitations/${invitation.id}`,
      { cookie: facilitator.cookie },
    );
    expect(withdrawn.status).toBe(204);
    expect((await accept(invitation.token, person)).status).toBe(404);
  });

  it('never lists or returns the token after creation, and stores only its hash', async () => {
    const person = await registerUser(server.origin);
    const { id, token } = await invite(person.user.email);
    const list = await api<{ invitations: Record<string, unknown>[] }>(
      server.origin,
      'GET',
      `/api/communities/${communityId}/invitations`,
      { cookie: facilitator.cookie },
    );
    const listed = list.body.invitations.find((invitation) => invitation.id === id);
    expect(listed).toBeDefined();
    expect(JSON.stringify(list.body)).not.toContain(token);
    const stored = await InvitationModel.findById(id).lean();
    expect(JSON.stringify(stored)).not.toContain(token);
  });
});
