import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLLAB_MESSAGE, COLLAB_PATH } from '@common-ground/shared';
import { removeMember, roomWithEveryRole, setRole } from '../support/factories.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';
import { eventually, openRaw, upgradeStatus } from './collabClient.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ DISABLE_RATE_LIMITS: 'true' });
});
afterAll(async () => {
  await server.stop();
});

// Upgrades from one session to one document reuse a recent admission (COLLAB_LIMITS.admissionCacheMs); these show a
// reused admission never outlives an access change, however soon after it the next socket opens.
describe('reused /collab admissions', () => {
  it('a burst of sockets from one browser is admitted with the same role', async () => {
    const { room, member } = await roomWithEveryRole(server.origin, 'open-day');
    const sockets = await Promise.all(
      Array.from({ length: 5 }, () => openRaw(server.origin, room.documentId, { cookie: member.cookie })),
    );
    for (const raw of sockets) raw.send(new Uint8Array([COLLAB_MESSAGE.subscribeSaved]));
    for (const raw of sockets) await eventually(() => expect(raw.statuses().at(-1)?.access).toBe('edit'));
    for (const raw of sockets) raw.ws.close();
  });

  it('a socket opened just after a role was lowered starts read-only, not with the earlier admission', async () => {
    const { room, community, facilitator, member } = await roomWithEveryRole(server.origin, 'open-day');
    const first = await openRaw(server.origin, room.documentId, { cookie: member.cookie });
    first.send(new Uint8Array([COLLAB_MESSAGE.subscribeSaved]));
    await eventually(() => expect(first.statuses().at(-1)?.access).toBe('edit'));

    await setRole(server.origin, facilitator, community.id, member.user.id, 'observer');
    const second = await openRaw(server.origin, room.documentId, { cookie: member.cookie });
    second.send(new Uint8Array([COLLAB_MESSAGE.subscribeSaved]));
    await eventually(() => expect(second.statuses().length).toBeGreaterThan(0));
    // Every status this socket ever received says view: it was never admitted as an editor.
    expect(second.statuses().map((status) => status.access)).not.toContain('edit');
    first.ws.close();
    second.ws.close();
  });

  it('an upgrade just after removal is refused outright', async () => {
    const { room, community, facilitator, member } = await roomWithEveryRole(server.origin, 'open-day');
    const first = await openRaw(server.origin, room.documentId, { cookie: member.cookie });
    await removeMember(server.origin, facilitator, community.id, member.user.id);
    await first.closed;
    const status = await upgradeStatus(server.origin, `${COLLAB_PATH}/${room.documentId}`, {
      cookie: member.cookie,
    });
    expect(status).toBe(404);
  });
});
