import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOCKET_EVENTS } from '@common-ground/shared';
import { AuditEventModel } from '../../server/src/models/AuditEvent.ts';
import { SessionModel } from '../../server/src/models/Session.ts';
import { VisitorPassModel } from '../../server/src/models/VisitorPass.ts';
import {
  createCommunity,
  createRoom,
  createVisitor,
  registerUser,
  revokePass,
  roomWithEveryRole,
} from '../support/factories.ts';
import { api } from '../support/http.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';
import { connectSocket, request } from '../realtime/discussionClient.ts';

describe('visitor passes and open-day visits', () => {
  let server: TestServer;
  let world: Awaited<ReturnType<typeof roomWithEveryRole>>;
  beforeAll(async () => {
    server = await startTestServer({ DISABLE_RATE_LIMITS: 'true' });
    world = await roomWithEveryRole(server.origin, 'open-day');
  });
  afterAll(async () => server?.stop());

  const roomAs = (cookie: string) => api(server.origin, 'GET', `/api/rooms/${world.room.id}`, { cookie });
  const visit = (token: string) =>
    api<{ error: { code: string } }>(server.origin, 'POST', '/api/visits', {
      body: { token, displayName: 'Late visitor' },
    });

  it('refuses a revoked pass with 410, and the visitor already inside loses access at once', async () => {
    const visitor = await createVisitor(server.origin, world.facilitator, world.room.id);
    expect((await roomAs(visitor.cookie)).status).toBe(200);
    const socket = await connectSocket(server.origin, visitor.cookie);
    const disconnected = new Promise<void>((resolve) => socket.once('disconnect', () => resolve()));
    try {
      await revokePass(server.origin, world.facilitator, world.room.id, visitor.passId);
      const room = await roomAs(visitor.cookie);
      expect([401, 404]).toContain(room.status);
      expect(
        (await api(server.origin, 'GET', '/api/visits/current', { cookie: visitor.cookie })).status,
      ).toBe(401);
      const again = await visit(visitor.token);
      expect(again.status).toBe(410);
      expect(again.body.error.code).toBe('gone');
      expect(await SessionModel.countDocuments({ passId: visitor.passId })).toBe(0);
      const cut = await Promise.race([
        disconnected.then(() => true),
        request(socket, SOCKET_EVENTS.roomJoin, { roomId: world.room.id }).then((answer) => !answer.ok),
      ]);
      expect(cut, 'the open socket is cut off or refused').toBe(true);
    } finally {
      socket.close();
    }
  });

  it("ends the session a browser had when it starts a visit, and cuts that session's open sockets", async () => {
    const pass = await api<{ pass: { token: string } }>(
      server.origin,
      'POST',
      `/api/rooms/${world.room.id}/visitor-passes`,
      {
        cookie: world.facilitator.cookie,
        body: { label: 'Shared laptop', expiresAt: new Date(Date.now() + 3600_000).toISOString() },
      },
    );
    const person = await registerUser(server.origin);
    const socket = await connectSocket(server.origin, person.cookie);
    const disconnected = new Promise<true>((resolve) => socket.once('disconnect', () => resolve(true)));
    try {
      const started = await api(server.origin, 'POST', '/api/visits', {
        cookie: person.cookie,
        body: { token: pass.body.pass.token, displayName: 'Borrowed laptop' },
      });
      expect(started.status).toBe(200);
      expect((await api(server.origin, 'GET', '/api/me', { cookie: person.cookie })).status).toBe(401);
      const timeout = new Promise<false>((resolve) => setTimeout(() => resolve(false), 1500));
      expect(await Promise.race([disconnected, timeout]), 'old socket disconnected').toBe(true);
    } finally {
      socket.close();
    }
  });

  it('refuses an expired pass with 410, and a visitor inside loses access when the pass expires', async () => {
    const visitor = await createVisitor(server.origin, world.facilitator, world.room.id);
    expect((await roomAs(visitor.cookie)).status).toBe(200);
    await VisitorPassModel.updateOne(
      { _id: visitor.passId },
      { $set: { expiresAt: new Date(Date.now() - 1000) } },
    );
    expect([401, 404]).toContain((await roomAs(visitor.cookie)).status);
    const again = await visit(visitor.token);
    expect(again.status).toBe(410);
    expect(again.body.error.code).toBe('gone');
  });

  it('refuses an unknown pass token with 404 and starts no session', async () => {
    const result = await visit('a'.repeat(43));
    expect(result.status).toBe(404);
    expect(result.cookie).toBeNull();
  });

  it('confines a visitor to the one open-day room: other rooms 404, community routes 403', async () => {
    const visitor = await createVisitor(server.origin, world.facilitator, world.room.id);
    const other = await createRoom(server.origin, world.facilitator, world.community.id, {
      kind: 'open-day',
    });
    expect(
      (await api(server.origin, 'GET', `/api/rooms/${other.id}`, { cookie: visitor.cookie })).status,
    ).toBe(404);
    const community = await api(server.origin, 'GET', `/api/communities/${world.community.id}`, {
      cookie: visitor.cookie,
    });
    expect(community.status).toBe(403);
    expect((await api(server.origin, 'GET', '/api/me', { cookie: visitor.cookie })).status).toBe(401);
  });

  it('issues passes only for open-day rooms and for at most 31 days', async () => {
    const learningSet = await createRoom(server.origin, world.facilitator, world.community.id, {
      kind: 'learning-set',
    });
    const inDays = (days: number) => new Date(Date.now() + days * 24 * 3600_000).toISOString();
    const wrongKind = await api(server.origin, 'POST', `/api/rooms/${learningSet.id}/visitor-passes`, {
      cookie: world.facilitator.cookie,
      body: { label: 'Nope', expiresAt: inDays(1) },
    });
    expect(wrongKind.status).toBe(409);
    for (const expiresAt of [inDays(32), new Date(Date.now() - 1000).toISOString()]) {
      const result = await api(server.origin, 'POST', `/api/rooms/${world.room.id}/visitor-passes`, {
        cookie: world.facilitator.cookie,
        body: { label: 'Too long', expiresAt },
      });
      expect(result.status, expiresAt).toBe(400);
    }
  });

  it("does not let another community's facilitator revoke or list a pass through their own room", async () => {
    const visitor = await createVisitor(server.origin, world.facilitator, world.room.id);
    const stranger = await registerUser(server.origin);
    const theirs = await createCommunity(server.origin, stranger);
    const theirRoom = await createRoom(server.origin, stranger, theirs.id, { kind: 'open-day' });
    const revoke = await api(
      server.origin,
      'DELETE',
      `/api/rooms/${theirRoom.id}/visitor-passes/${visitor.passId}`,
      {
        cookie: stranger.cookie,
      },
    );
    expect(revoke.status).toBe(404);
    const direct = await api(
      server.origin,
      'DELETE',
      `/api/rooms/${world.room.id}/visitor-passes/${visitor.passId}`,
      {
        cookie: stranger.cookie,
      },
    );
    expect(direct.status).toBe(404);
    expect((await VisitorPassModel.findById(visitor.passId).lean())?.revokedAt).toBeNull();
    expect((await roomAs(visitor.cookie)).status).toBe(200);
  });

  it('audits pass creation, revocation and visits', async () => {
    const visitor = await createVisitor(server.origin, world.facilitator, world.room.id, 'Audited visitor');
    await revokePass(server.origin, world.facilitator, world.room.id, visitor.passId);
    const events = await AuditEventModel.find({ passId: visitor.passId }).sort({ at: 1 }).lean();
    expect(events.map((event) => event.type)).toEqual([
      'visitorPass.created',
      'visit.started',
      'visitorPass.revoked',
    ]);
    const [created, started, revoked] = events;
    expect(String(created?.actorUserId)).toBe(world.facilitator.user.id);
    expect(String(revoked?.actorUserId)).toBe(world.facilitator.user.id);
    expect(String(started?.roomId)).toBe(world.room.id);
    expect(started?.detail).toMatchObject({ displayName: 'Audited visitor' });
  });
});
