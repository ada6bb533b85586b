import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Room } from '@common-ground/shared';
import { api } from '../support/http.ts';
import { joinCommunityAs } from '../support/factories.ts';
import { learningSetWorld } from '../support/learningSetWorld.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';

type World = Awaited<ReturnType<typeof learningSetWorld>>;
interface Listed {
  members: { userId: string; role: string; agreed: boolean }[];
  set: { abilities: { manage: boolean }; groundRulesRevision: number | null; agreed: boolean };
}

let server: TestServer;
let world: World;
beforeAll(async () => {
  server = await startTestServer({ DISABLE_RATE_LIMITS: 'true' });
  world = await learningSetWorld(server.origin);
});
afterAll(async () => server?.stop());

const get = (path: string, cookie: string) => api(server.origin, 'GET', path, { cookie });

describe('a learning set over HTTP', () => {
  it('shows nothing of its content to anyone outside it', async () => {
    const { set } = world;
    const contentPaths = [
      `/api/rooms/${set.id}`,
      `/api/rooms/${set.id}/messages`,
      `/api/rooms/${set.id}/ground-rules`,
      `/api/documents/${set.documentId}/export?format=markdown`,
      `/api/documents/${set.documentId}/versions`,
      `/api/documents/${set.documentId}/changes-since-last-visit`,
    ];
    for (const [who, caller] of [
      ['community facilitator', world.lead],
      ['community member outside the set', world.bystander],
      ['visitor with a pass for another room', world.visitor],
      ['outsider', world.outsider],
    ] as const) {
      for (const path of contentPaths) {
        const status = (await get(path, caller.cookie)).status;
        expect([403, 404], `${who} ${path} got ${status}`).toContain(status);
      }
    }
    for (const path of contentPaths)
      expect((await get(path, world.setMember.cookie)).status, `set member ${path}`).toBe(200);
  });

  it('lets community facilitators see that it exists and who is in it, and hides it from others', async () => {
    const listedFor = async (cookie: string) =>
      (await get(`/api/communities/${world.community.id}/rooms`, cookie)).body as { rooms: Room[] };
    const forLead = (await listedFor(world.lead.cookie)).rooms.find((room) => room.id === world.set.id);
    expect(forLead).toMatchObject({ role: null, learningSet: null });
    const forBystander = (await listedFor(world.bystander.cookie)).rooms.map((room) => room.id);
    expect(forBystander).not.toContain(world.set.id);
    expect(forBystander).toContain(world.openDay.id);
    const forMember = (await listedFor(world.setMember.cookie)).rooms.find(
      (room) => room.id === world.set.id,
    );
    expect(forMember?.role).toBe('member');

    const people = await get(`/api/rooms/${world.set.id}/members`, world.lead.cookie);
    expect(people.status).toBe(200);
    expect((people.body as Listed).members.map((m) => [m.userId, m.role])).toEqual([
      [world.setFacilitator.user.id, 'facilitator'],
      [world.setMember.user.id, 'member'],
    ]);
    expect((people.body as Listed).set.abilities.manage).toBe(false);
    expect((await get(`/api/rooms/${world.set.id}/members`, world.bystander.cookie)).status).toBe(404);
    expect((await get(`/api/rooms/${world.set.id}/members`, world.visitor.cookie)).status).toBe(403);
    const added = await api(server.origin, 'POST', `/api/rooms/${world.set.id}/members`, {
      cookie: world.lead.cookie,
      body: { userId: world.bystander.user.id, role: 'member' },
    });
    expect(added.status).toBe(403);
  });

  it('never issues a visitor pass for a learning set, not even to its facilitator', async () => {
    const result = await api(server.origin, 'POST', `/api/rooms/${world.set.id}/visitor-passes`, {
      cookie: world.setFacilitator.cookie,
      body: { label: 'Guest', expiresAt: new Date(Date.now() + 3600_000).toISOString() },
    });
    expect(result.status).toBe(409);
    const byLead = await api(server.origin, 'POST', `/api/rooms/${world.set.id}/visitor-passes`, {
      cookie: world.lead.cookie,
      body: { label: 'Guest', expiresAt: new Date(Date.now() + 3600_000).toISOString() },
    });
    expect(byLead.status).toBe(404);
  });

  it('lets its facilitators add people from the community, change roles and remove them', async () => {
    const path = `/api/rooms/${world.set.id}/members`;
    const newcomer = await joinCommunityAs(server.origin, world.lead, world.community.id, 'member');
    expect((await get(`/api/rooms/${world.set.id}`, newcomer.cookie)).status).toBe(404);
    const post = (cookie: string, body: unknown) => api(server.origin, 'POST', path, { cookie, body });

    const added = await post(world.setFacilitator.cookie, { userId: newcomer.user.id, role: 'observer' });
    expect(added.status).toBe(200);
    expect(added.body).toMatchObject({
      member: { userId: newcomer.user.id, role: 'observer', agreed: false },
    });
    expect(
      ((await get(`/api/rooms/${world.set.id}`, newcomer.cookie)).body as { room: Room }).room.role,
    ).toBe('observer');
    expect((await post(world.setMember.cookie, { userId: newcomer.user.id, role: 'member' })).status).toBe(
      403,
    );
    expect(
      (await post(world.setFacilitator.cookie, { userId: newcomer.user.id, role: 'member' })).status,
    ).toBe(200);
    expect(
      ((await get(`/api/rooms/${world.set.id}`, newcomer.cookie)).body as { room: Room }).room.role,
    ).toBe('member');
    // Only people in the community can be added.
    const stranger = await post(world.setFacilitator.cookie, {
      userId: world.outsider.user.id,
      role: 'member',
    });
    expect(stranger.status).toBe(400);

    expect(
      (await api(server.origin, 'DELETE', `${path}/${newcomer.user.id}`, { cookie: world.setMember.cookie }))
        .status,
    ).toBe(403);
    const removed = await api(server.origin, 'DELETE', `${path}/${newcomer.user.id}`, {
      cookie: world.setFacilitator.cookie,
    });
    expect(removed.status).toBe(204);
    expect((await get(`/api/rooms/${world.set.id}`, newcomer.cookie)).status).toBe(404);
    expect((await get(path, world.setMember.cookie)).body).not.toMatchObject({
      members: expect.arrayContaining([expect.objectContaining({ userId: newcomer.user.id })]),
    });
  });

  it('keeps at least one facilitator', async () => {
    const demoted = await api(server.origin, 'POST', `/api/rooms/${world.set.id}/members`, {
      cookie: world.setFacilitator.cookie,
      body: { userId: world.setFacilitator.user.id, role: 'member' },
    });
    expect(demoted.status).toBe(409);
    const left = await api(
      server.origin,
      'DELETE',
      `/api/rooms/${world.set.id}/members/${world.setFacilitator.user.id}`,
      {
        cookie: world.setFacilitator.cookie,
      },
    );
    expect(left.status).toBe(409);
  });

  it('refuses malformed payloads with typed 400s', async () => {
    const path = `/api/rooms/${world.set.id}`;
    const cookie = world.setFacilitator.cookie;
    const cases: [string, string, unknown][] = [
      ['POST', `${path}/members`, { userId: world.setMember.user.id, role: 'owner' }],
      ['POST', `${path}/members`, { userId: { $ne: null }, role: 'member' }],
      ['POST', `${path}/members`, { userId: world.setMember.user.id, role: 'member', extra: true }],
      ['POST', `${path}/members`, {}],
      ['PUT', `${path}/ground-rules`, { rules: [] }],
      ['PUT', `${path}/ground-rules`, { rules: ['   '] }],
      ['PUT', `${path}/ground-rules`, { rules: ['x'.repeat(601)] }],
      ['PUT', `${path}/ground-rules`, { rules: Array.from({ length: 21 }, () => 'A rule') }],
      ['PUT', `${path}/ground-rules`, { rules: 'Be kind' }],
      ['POST', `${path}/ground-rules/agreement`, { revision: 'latest' }],
      ['POST', `${path}/ground-rules/agreement`, { revision: 0 }],
      ['POST', `${path}/ground-rules/agreement`, {}],
    ];
    for (const [method, url, body] of cases) {
      const result = await api(server.origin, method, url, { cookie, body });
      expect(result.status, `${method} ${url} ${JSON.stringify(body)}`).toBe(400);
      expect(result.body).toMatchObject({ error: { code: 'validation_failed' } });
    }
    const badId = await api(server.origin, 'DELETE', `${path}/members/not-an-id`, { cookie });
    expect(badId.status).toBe(400);
  });
});
