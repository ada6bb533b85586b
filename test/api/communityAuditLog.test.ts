import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_PAGE_SIZE, type AuditLog } from '@common-ground/shared';
import { createCommunity, registerUser } from '../support/factories.ts';
import { api } from '../support/http.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';

describe('GET /api/communities/:id/audit', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ DISABLE_RATE_LIMITS: 'true' });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('pages through the community’s events newest first, without gaps or repeats, and never shows addresses', async () => {
    const facilitator = await registerUser(server.origin);
    const community = await createCommunity(server.origin, facilitator);
    const other = await createCommunity(server.origin, facilitator);
    const total = AUDIT_PAGE_SIZE + 5;
    for (let index = 0; index < total; index += 1)
      await api(server.origin, 'POST', `/api/communities/${community.id}/invitations`, {
        cookie: facilitator.cookie,
        body: { email: `invitee-${index}@example.org`, role: 'member' },
      });
    await api(server.origin, 'POST', `/api/communities/${other.id}/invitations`, {
      cookie: facilitator.cookie,
      body: { email: 'elsewhere@example.org', role: 'member' },
    });

    const path = `/api/communities/${community.id}/audit`;
    const first = await api<AuditLog>(server.origin, 'GET', path, { cookie: facilitator.cookie });
    expect(first.status).toBe(200);
    expect(first.body.events).toHaveLength(AUDIT_PAGE_SIZE);
    expect(first.body.nextBefore).not.toBeNull();
    const second = await api<AuditLog>(server.origin, 'GET', `${path}?before=${first.body.nextBefore}`, {
      cookie: facilitator.cookie,
    });
    expect(second.body.nextBefore).toBeNull();
    const events = [...first.body.events, ...second.body.events];
    expect(events.filter((event) => event.type === 'invitation.created')).toHaveLength(total);
    expect(new Set(events.map((event) => event.id)).size).toBe(events.length);
    const times = events.map((event) => event.at);
    expect([...times].sort().reverse()).toEqual(times);
    expect(events[0]!.actor?.displayName).toBe(facilitator.user.displayName);
    expect(JSON.stringify(events)).not.toContain('127.0.0.1');
    expect(
      (await api(server.origin, 'GET', `${path}?before=nonsense`, { cookie: facilitator.cookie })).status,
    ).toBe(400);
  });
});
