import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SettingsResponse, User } from '@common-ground/shared';
import { createOrganisation, registerUser, type SignedIn } from '../support/factories.ts';
import { api } from '../support/http.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';

describe('profile and settings: name, email preferences, organisations and leaving one', () => {
  let server: TestServer;
  let ada: SignedIn;
  let ben: SignedIn;
  let organisationId: string;

  beforeAll(async () => {
    server = await startTestServer({ DISABLE_RATE_LIMITS: 'true' });
    ada = await registerUser(server.origin, { displayName: 'Ada Admin' });
    ben = await registerUser(server.origin, { displayName: 'Ben Member' });
    organisationId = (await createOrganisation(server.origin, ada, { name: 'Northshire Council' })).id;
    const asked = await api(server.origin, 'POST', `/api/organisations/${organisationId}/affiliations`, {
      cookie: ben.cookie,
      body: {},
    });
    expect(asked.status).toBe(201);
    const confirmed = await api(
      server.origin,
      'PATCH',
      `/api/organisations/${organisationId}/affiliations/${ben.user.id}`,
      {
        cookie: ada.cookie,
        body: { status: 'confirmed' },
      },
    );
    expect(confirmed.status).toBe(200);
  });
  afterAll(async () => {
    await server?.stop();
  });

  const settingsOf = async (who: SignedIn) => {
    const answer = await api<SettingsResponse>(server.origin, 'GET', '/api/me/settings', {
      cookie: who.cookie,
    });
    expect(answer.status).toBe(200);
    return answer.body;
  };
  const leave = (who: SignedIn) =>
    api<{ error: { code: string; message: string; details: unknown } }>(
      server.origin,
      'DELETE',
      `/api/organisations/${organisationId}/affiliations/${who.user.id}`,
      { cookie: who.cookie },
    );

  it('shows the defaults, changes preferences and the display name, and refuses bad input without changing anything', async () => {
    expect((await settingsOf(ben)).preferences).toEqual({
      mentionEmails: true,
      joinRequestEmails: true,
      digest: 'weekly',
    });
    const changed = await api(server.origin, 'PATCH', '/api/me/preferences', {
      cookie: ben.cookie,
      body: { digest: 'daily', mentionEmails: false },
    });
    expect(changed.status).toBe(200);
    for (const body of [{ digest: 'hourly' }, { mentionEmails: 'no' }, { somethingElse: true }]) {
      const refused = await api(server.origin, 'PATCH', '/api/me/preferences', { cookie: ben.cookie, body });
      expect(refused.status).toBe(400);
    }
    expect((await settingsOf(ben)).preferences).toEqual({
      mentionEmails: false,
      joinRequestEmails: true,
      digest: 'daily',
    });
    expect((await api(server.origin, 'GET', '/api/me/settings')).status).toBe(401);
    expect(
      (await api(server.origin, 'PATCH', '/api/me/preferences', { body: { digest: 'off' } })).status,
    ).toBe(401);

    const renamed = await api<{ user: User }>(server.origin, 'PATCH', '/api/me/profile', {
      cookie: ben.cookie,
      body: { displayName: '  Ben Okoro ' },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body.user.displayName).toBe('Ben Okoro');
    const wearingRole = await api(server.origin, 'PATCH', '/api/me/profile', {
      cookie: ben.cookie,
      body: { displayName: 'Ben (facilitator)' },
    });
    expect(wearingRole.status).toBe(400);
    const me = await api<{ user: User }>(server.origin, 'GET', '/api/me', { cookie: ben.cookie });
    expect(me.body.user.displayName).toBe('Ben Okoro');
  });

  it('lists my organisations; the last admin cannot leave or step down, anyone else can leave', async () => {
    const adas = await settingsOf(ada);
    expect(adas.organisations).toEqual([
      expect.objectContaining({
        organisation: expect.objectContaining({ id: organisationId, name: 'Northshire Council' }),
        status: 'confirmed',
        isAdmin: true,
        leaveProblem: expect.stringContaining('no admin left'),
      }),
    ]);
    const refused = await leave(ada);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'conflict', details: { reason: 'last_admin' } });
    // Nor may the last admin walk away by asking to join, or creating, another organisation.
    const cleo = await registerUser(server.origin);
    const elsewhere = (await createOrganisation(server.origin, cleo, { name: 'Elsewhere Trust' })).id;
    const switched = await api<{ error: { code: string } }>(
      server.origin,
      'POST',
      `/api/organisations/${elsewhere}/affiliations`,
      {
        cookie: ada.cookie,
        body: {},
      },
    );
    expect(switched.status).toBe(409);
    const created = await api(server.origin, 'POST', '/api/organisations', {
      cookie: ada.cookie,
      body: { name: 'Another Council', kind: 'local-authority' },
    });
    expect(created.status).toBe(409);
    const stepDown = await api(
      server.origin,
      'PATCH',
      `/api/organisations/${organisationId}/affiliations/${ada.user.id}`,
      {
        cookie: ada.cookie,
        body: { isAdmin: false },
      },
    );
    expect(stepDown.status).toBe(409);
    expect((await settingsOf(ada)).organisations[0]).toMatchObject({ isAdmin: true });

    // Ben leaves: his organisation is gone from his settings and his account.
    expect((await settingsOf(ben)).organisations).toEqual([
      expect.objectContaining({ status: 'confirmed', isAdmin: false, leaveProblem: null }),
    ]);
    expect((await leave(ben)).status).toBe(204);
    expect((await settingsOf(ben)).organisations).toEqual([]);
    const benNow = await api<{ user: User }>(server.origin, 'GET', '/api/me', { cookie: ben.cookie });
    expect(benNow.body.user).toMatchObject({ organisation: null, organisationStatus: 'none' });
    expect((await leave(ben)).status).toBe(404);

    // With a second admin, Ada may go.
    await api(server.origin, 'POST', `/api/organisations/${organisationId}/affiliations`, {
      cookie: ben.cookie,
      body: {},
    });
    const promoted = await api(
      server.origin,
      'PATCH',
      `/api/organisations/${organisationId}/affiliations/${ben.user.id}`,
      {
        cookie: ada.cookie,
        body: { status: 'confirmed', isAdmin: true },
      },
    );
    expect(promoted.status).toBe(200);
    expect((await settingsOf(ada)).organisations[0]).toMatchObject({ leaveProblem: null });
    expect((await leave(ada)).status).toBe(204);
    expect((await settingsOf(ada)).organisations).toEqual([]);
    expect((await settingsOf(ben)).organisations[0]).toMatchObject({
      isAdmin: true,
      leaveProblem: expect.any(String),
    });
  });
});
