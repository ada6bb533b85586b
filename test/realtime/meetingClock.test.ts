import { describe, expect, it } from 'vitest';
import { remainingSeconds, SOCKET_EVENTS, type MeetingStateEvent } from '@common-ground/shared';
import { api } from '../support/http.ts';
import { must, scheduleMeeting } from '../support/meetingWorld.ts';
import { request } from './discussionClient.ts';
import { meetingSockets } from './meetingSockets.ts';

// The server-owned clock of a meeting, as every member's screen computes it.
const harness = meetingSockets();
const { join, readMeeting, nextState, clientRemaining } = harness;

describe('the clock', () => {
  it('gives a late joiner and a reconnecting client the same remaining time, within a second', async () => {
    const meeting = await scheduleMeeting(
      harness.server.origin,
      harness.world.set.id,
      harness.world.setFacilitator,
    );
    const runner = await join(harness.world.setFacilitator.cookie, meeting.id);
    const started = await must<MeetingStateEvent>(runner.socket, SOCKET_EVENTS.meetingStart, {
      meetingId: meeting.id,
    });
    const startedAt = Date.now();
    await must(runner.socket, SOCKET_EVENTS.meetingTimer, {
      meetingId: meeting.id,
      action: 'add',
      seconds: 90,
    });
    await new Promise((resolve) => setTimeout(resolve, 1200));
    const early = await join(harness.world.setMember.cookie, meeting.id);
    const earlyAt = Date.now();
    early.socket.close();
    await new Promise((resolve) => setTimeout(resolve, 800));
    const reconnected = await join(harness.world.setMember.cookie, meeting.id);
    const reconnectedAt = Date.now();
    const late = await join(harness.world.secondMember.cookie, meeting.id);
    const lateAt = Date.now();

    // Computed at one moment from what each received: the first connection, its reconnection, a late joiner.
    const fromEarly = clientRemaining(early.joined.meeting, early.joined.now, earlyAt)!;
    const fromReconnect = clientRemaining(reconnected.joined.meeting, reconnected.joined.now, reconnectedAt)!;
    const fromLate = clientRemaining(late.joined.meeting, late.joined.now, lateAt)!;
    const expected = 10 * 60 + 90 - (Date.now() - startedAt) / 1000;
    expect(started.meeting.timer?.durationSeconds).toBe(600);
    expect(Math.abs(fromReconnect - fromEarly)).toBeLessThan(1);
    expect(Math.abs(fromLate - fromReconnect)).toBeLessThan(1);
    expect(Math.abs(fromLate - expected)).toBeLessThan(1);

    // Paused, every client sees the same standing time however long it waits.
    await must(runner.socket, SOCKET_EVENTS.meetingTimer, { meetingId: meeting.id, action: 'pause' });
    const a = await join(harness.world.setMember.cookie, meeting.id);
    await new Promise((resolve) => setTimeout(resolve, 600));
    const b = await join(harness.world.secondMember.cookie, meeting.id);
    expect(
      Math.abs(
        remainingSeconds(a.joined.meeting.timer, a.joined.now)! -
          remainingSeconds(b.joined.meeting.timer, b.joined.now)!,
      ),
    ).toBeLessThan(0.01);
  });

  it('hides the clock from everyone but the presenter while they hide it, and shows it again', async () => {
    const meeting = await scheduleMeeting(
      harness.server.origin,
      harness.world.set.id,
      harness.world.setFacilitator,
    );
    const runner = await join(harness.world.setFacilitator.cookie, meeting.id);
    const presenter = await join(harness.world.setMember.cookie, meeting.id);
    const other = await join(harness.world.secondMember.cookie, meeting.id);
    await must(presenter.socket, SOCKET_EVENTS.meetingBid, { meetingId: meeting.id, minutes: 12 });
    await api(harness.server.origin, 'POST', `/api/meetings/${meeting.id}/presenters`, {
      cookie: harness.world.setFacilitator.cookie,
      body: { userIds: [harness.world.setMember.user.id] },
    });
    await must(runner.socket, SOCKET_EVENTS.meetingStart, { meetingId: meeting.id });
    expect(
      await request(presenter.socket, SOCKET_EVENTS.meetingClock, { meetingId: meeting.id, hidden: true }),
      'not yet their slot',
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await must(runner.socket, SOCKET_EVENTS.meetingStage, { meetingId: meeting.id, stageId: 'present-1' });
    expect(
      await request(other.socket, SOCKET_EVENTS.meetingClock, { meetingId: meeting.id, hidden: true }),
      'not their slot',
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const toOther = nextState(other.socket);
    const toRunner = nextState(runner.socket);
    const toPresenter = nextState(presenter.socket);
    const hid = await must<MeetingStateEvent>(presenter.socket, SOCKET_EVENTS.meetingClock, {
      meetingId: meeting.id,
      hidden: true,
    });
    expect(hid.meeting.timer).not.toBeNull();
    expect((await toPresenter).meeting.timer).not.toBeNull();
    for (const state of [await toOther, await toRunner]) {
      expect(state.meeting).toMatchObject({ clockHidden: true, timer: null });
      expect(JSON.stringify(state)).not.toContain('durationSeconds');
    }
    // Changes while hidden, a late joiner and HTTP all keep the time from everyone else.
    const paused = nextState(other.socket);
    const runnerAck = await must<MeetingStateEvent>(runner.socket, SOCKET_EVENTS.meetingTimer, {
      meetingId: meeting.id,
      action: 'add',
      seconds: 60,
    });
    expect(runnerAck.meeting.timer).toBeNull();
    expect((await paused).meeting.timer).toBeNull();
    const late = await join(harness.world.setObserver.cookie, meeting.id);
    expect(late.joined.meeting.timer).toBeNull();
    expect((await readMeeting(meeting.id)).meeting.timer).toBeNull();

    const shown = nextState(other.socket);
    await must(presenter.socket, SOCKET_EVENTS.meetingClock, { meetingId: meeting.id, hidden: false });
    expect((await shown).meeting.timer).toMatchObject({ stageId: 'present-1', durationSeconds: 3 * 60 + 60 });
  });
});
