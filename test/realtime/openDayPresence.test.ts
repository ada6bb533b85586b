import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SOCKET_EVENTS,
  type HostHeadcount,
  type OpenDayHostPositionEvent,
  type OpenDayJoinResult,
} from '@common-ground/shared';
import { updatePassWindows } from '../../server/src/commands/openDays/passTokens.ts';
import { OpenDayModel } from '../../server/src/models/OpenDay.ts';
import { OpenDayPresenterModel } from '../../server/src/models/OpenDayPresenter.ts';
import { api } from '../support/http.ts';
import {
  moveOpenDayTo,
  registeredVisitor,
  scheduleOpenDay,
  startOpenDayWorld,
  type OpenDayWorld,
} from '../support/openDayWorld.ts';
import { connectSocket, request, type ClientSocket } from './discussionClient.ts';

describe('an open day, live: following the host, the window and the headcount', () => {
  let world: OpenDayWorld;
  const sockets: ClientSocket[] = [];
  beforeAll(async () => {
    world = await startOpenDayWorld();
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await world?.stop();
  });

  const connect = async (cookie: string) => {
    const socket = await connectSocket(world.server.origin, cookie);
    sockets.push(socket);
    return socket;
  };
  const join = async (socket: ClientSocket, openDayId: string) => {
    const answer = await request<OpenDayJoinResult>(socket, SOCKET_EVENTS.openDayJoin, { openDayId });
    if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
    return answer;
  };

  it('sends the host’s position to followers only, and tells anyone where the host is when asked', async () => {
    const openDay = await scheduleOpenDay(world, { startsInMinutes: -60 });
    const follower = await registeredVisitor(world, openDay.slug);
    const bystander = await registeredVisitor(world, openDay.slug);
    const followerSocket = await connect(follower.cookie);
    const bystanderSocket = await connect(bystander.cookie);
    const hostSocket = await connect(world.host.cookie);
    for (const socket of [followerSocket, bystanderSocket, hostSocket]) await join(socket, openDay.id);
    const followed: OpenDayHostPositionEvent[] = [];
    const overheard: OpenDayHostPositionEvent[] = [];
    followerSocket.on(SOCKET_EVENTS.openDayHostPosition, (event) => followed.push(event));
    bystanderSocket.on(SOCKET_EVENTS.openDayHostPosition, (event) => overheard.push(event));
    const follow = await request<{ following: boolean }>(followerSocket, SOCKET_EVENTS.openDayFollow, {
      openDayId: openDay.id,
      following: true,
    });
    expect(follow.ok).toBe(true);
    hostSocket.emit(SOCKET_EVENTS.openDayPosition, { openDayId: openDay.id, headingId: 'what-it-took' });
    await expect.poll(() => followed.map((event) => event.headingId)).toEqual(['what-it-took']);
    const where = await request<{ hostHeadingId: string | null }>(
      bystanderSocket,
      SOCKET_EVENTS.openDayWhereIsHost,
      {
        openDayId: openDay.id,
      },
    );
    expect(where.ok && where.hostHeadingId).toBe('what-it-took');
    // A visitor cannot move the host's position for anyone.
    const spoof = await request(bystanderSocket, SOCKET_EVENTS.openDayPosition, {
      openDayId: openDay.id,
      headingId: 'spoofed',
    });
    expect(spoof.ok).toBe(false);
    await request(followerSocket, SOCKET_EVENTS.openDayFollow, { openDayId: openDay.id, following: false });
    hostSocket.emit(SOCKET_EVENTS.openDayPosition, { openDayId: openDay.id, headingId: 'costs' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(followed.map((event) => event.headingId)).toEqual(['what-it-took']);
    expect(overheard).toEqual([]);
  });

  it('takes a visitor out of the live room when its window closes, while the pass goes on', async () => {
    const openDay = await scheduleOpenDay(world, { startsInMinutes: -60 });
    // The live window now closes two seconds from now (it runs until 30 minutes after the end).
    await OpenDayModel.updateOne(
      { _id: openDay.id },
      { $set: { endsAt: new Date(Date.now() - 30 * 60_000 + 2000) } },
    );
    await updatePassWindows((await OpenDayModel.findById(openDay.id))!);
    const visitor = await registeredVisitor(world, openDay.slug);
    const socket = await connect(visitor.cookie);
    const access: { roomId: string; role: string | null }[] = [];
    socket.on(SOCKET_EVENTS.roomAccess, (event) => access.push(event));
    const joined = await request(socket, SOCKET_EVENTS.roomJoin, { roomId: openDay.roomId });
    expect(joined.ok).toBe(true);
    await join(socket, openDay.id);
    await request(socket, SOCKET_EVENTS.openDayFollow, { openDayId: openDay.id, following: true });
    const positions: string[] = [];
    socket.on(SOCKET_EVENTS.openDayHostPosition, ({ headingId }) => positions.push(headingId));
    await expect.poll(() => access, { timeout: 8000 }).toEqual([{ roomId: openDay.roomId, role: null }]);
    const hostSocket = await connect(world.host.cookie);
    await join(hostSocket, openDay.id);
    hostSocket.emit(SOCKET_EVENTS.openDayPosition, { openDayId: openDay.id, headingId: 'after-hours' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(positions).toEqual([]);
    const pass = await api<{ pass: { phase: string } }>(world.server.origin, 'GET', '/api/open-day-pass', {
      cookie: visitor.cookie,
    });
    expect(pass.body.pass.phase).toBe('after');
  });

  it('counts visitors present by organisation for the host, the total for visitors, and never presenters or hosts', async () => {
    const openDay = await scheduleOpenDay(world, { startsInMinutes: 24 * 60 });
    const presenter = await api<{ presenter: { id: string } }>(
      world.server.origin,
      'POST',
      `/api/hosted-open-days/${openDay.id}/presenters`,
      {
        cookie: world.host.cookie,
        body: { firstName: 'Jade', consentToPresent: true, consentToRecording: true },
      },
    );
    expect(presenter.status).toBe(201);
    const withdrawn = await api<{ presenter: { consentToRecording: boolean; consentToPresent: boolean } }>(
      world.server.origin,
      'POST',
      `/api/hosted-open-days/${openDay.id}/presenters/${presenter.body.presenter.id}/withdrawal`,
      { cookie: world.host.cookie, body: { consent: 'recording' } },
    );
    expect(withdrawn.body.presenter).toMatchObject({ consentToRecording: false, consentToPresent: true });
    const fullName = await api(
      world.server.origin,
      'POST',
      `/api/hosted-open-days/${openDay.id}/presenters`,
      {
        cookie: world.host.cookie,
        body: { firstName: 'Jade Smith', consentToPresent: true, consentToRecording: false },
      },
    );
    expect(fullName.status).toBe(400);
    const a = await registeredVisitor(world, openDay.slug, { organisationName: 'Anytown Council' });
    const b = await registeredVisitor(world, openDay.slug, { organisationName: 'Anytown Council' });
    const c = await registeredVisitor(world, openDay.slug, { organisationName: 'Northshire Trust' });
    const early = await request(await connect(a.cookie), SOCKET_EVENTS.openDayJoin, {
      openDayId: openDay.id,
    });
    expect(!early.ok && early.error.code).toBe('wrong_phase');
    await moveOpenDayTo(openDay.id, 'live');
    const hostSocket = await connect(world.host.cookie);
    await join(hostSocket, openDay.id);
    const watchingSeen: number[] = [];
    const visitorA = await connect(a.cookie);
    visitorA.on(SOCKET_EVENTS.openDayWatching, ({ watching }) => watchingSeen.push(watching));
    await join(visitorA, openDay.id);
    await join(await connect(a.cookie), openDay.id); // a second tab counts once
    await join(await connect(b.cookie), openDay.id);
    await join(await connect(c.cookie), openDay.id);
    await expect.poll(() => watchingSeen.at(-1), { timeout: 5000 }).toBe(3);
    const headcount = await api<HostHeadcount>(
      world.server.origin,
      'GET',
      `/api/hosted-open-days/${openDay.id}/headcount`,
      { cookie: world.host.cookie },
    );
    expect(headcount.body).toEqual({
      openDayId: openDay.id,
      present: 3,
      organisations: [
        { name: 'Anytown Council', verified: false, present: 2 },
        { name: 'Northshire Trust', verified: false, present: 1 },
      ],
    });
    const csv = await api<string>(
      world.server.origin,
      'GET',
      `/api/hosted-open-days/${openDay.id}/attendance`,
      {
        cookie: world.host.cookie,
      },
    );
    expect(csv.status).toBe(200);
    const rows = csv.body.trim().split('\r\n');
    expect(rows).toHaveLength(4);
    expect(csv.body).not.toContain('Jade');
    expect(await OpenDayPresenterModel.countDocuments({ openDayId: openDay.id })).toBe(1);
  });
});
