import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOCKET_EVENTS, type MeetingStateEvent } from '@common-ground/shared';
import { joinMeeting, meetingWorld, must, scheduleMeeting } from '../support/meetingWorld.ts';
import { startRedis, type RedisServer } from '../support/redisServer.ts';
import type { TestServer } from '../support/startTestServer.ts';
import type { ClientSocket } from '../realtime/discussionClient.ts';
import { startExtraInstance, startFirstInstance, type ExtraInstance } from './clusterInstances.ts';

describe('a meeting across instances on the Redis bus', () => {
  let redis: RedisServer;
  let a: TestServer;
  let b: ExtraInstance;
  let world: Awaited<ReturnType<typeof meetingWorld>>;
  const sockets: ClientSocket[] = [];

  beforeAll(async () => {
    redis = await startRedis();
    a = await startFirstInstance(redis.url);
    b = await startExtraInstance(redis.url);
    world = await meetingWorld(a.origin);
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await b?.stop();
    await a?.stop();
    await redis?.stop();
  });

  it('sends every change to members on the other instance, and keeps a hidden clock from them there', async () => {
    const meeting = await scheduleMeeting(a.origin, world.set.id, world.setFacilitator);
    const runner = await joinMeeting(a.origin, world.setFacilitator.cookie, meeting.id);
    const presenter = await joinMeeting(a.origin, world.setMember.cookie, meeting.id);
    const elsewhere = await joinMeeting(b.origin, world.secondMember.cookie, meeting.id);
    sockets.push(runner.socket, presenter.socket, elsewhere.socket);
    const next = () =>
      new Promise<MeetingStateEvent>((resolve) => elsewhere.socket.once(SOCKET_EVENTS.meetingState, resolve));

    await must(presenter.socket, SOCKET_EVENTS.meetingBid, { meetingId: meeting.id, minutes: 12 });
    const started = next();
    await must(runner.socket, SOCKET_EVENTS.meetingStart, { meetingId: meeting.id });
    expect((await started).meeting).toMatchObject({ status: 'live', currentStageId: 'check-in' });
    expect((await started).meeting.timer?.durationSeconds).toBe(600);

    // The presenter, on instance A, hides the clock in their slot; the member on instance B gets no time.
    const ordered = next();
    const response = await fetch(`${a.origin}/api/meetings/${meeting.id}/presenters`, {
      method: 'POST',
      headers: { cookie: world.setFacilitator.cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ userIds: [world.setMember.user.id] }),
    });
    expect(response.status).toBe(200);
    await ordered;
    const moved = next();
    await must(runner.socket, SOCKET_EVENTS.meetingStage, { meetingId: meeting.id, stageId: 'present-1' });
    expect((await moved).meeting.currentStageId).toBe('present-1');
    const hidden = next();
    await must(presenter.socket, SOCKET_EVENTS.meetingClock, { meetingId: meeting.id, hidden: true });
    expect((await hidden).meeting).toMatchObject({ clockHidden: true, timer: null });
  });
});
