import { describe, expect, it } from 'vitest';
import {
  SOCKET_EVENTS,
  type Meeting,
  type MeetingAction,
  type MeetingBid,
  type MeetingStateEvent,
} from '@common-ground/shared';
import { joinCommunityAs, addToSet } from '../support/factories.ts';
import { api } from '../support/http.ts';
import { must, scheduleMeeting } from '../support/meetingWorld.ts';
import { request } from './discussionClient.ts';
import { meetingSockets } from './meetingSockets.ts';

const harness = meetingSockets();
const { join, connect, readMeeting, nextState } = harness;

describe('meeting:join', () => {
  it('refuses everyone outside the set, and a member who has not agreed gets ground_rules', async () => {
    const meeting = await scheduleMeeting(
      harness.server.origin,
      harness.world.set.id,
      harness.world.setFacilitator,
    );
    for (const [who, cookie] of [
      ['community facilitator', harness.world.lead.cookie],
      ['community member outside the set', harness.world.bystander.cookie],
      ['visitor with a pass for another room', harness.world.visitor.cookie],
      ['outsider', harness.world.outsider.cookie],
    ] as const) {
      const socket = await connect(cookie);
      const answer = await request(socket, SOCKET_EVENTS.meetingJoin, { meetingId: meeting.id });
      expect(answer, who).toMatchObject({ ok: false, error: { code: 'not_found' } });
      const bid = await request(socket, SOCKET_EVENTS.meetingBid, { meetingId: meeting.id, minutes: 10 });
      expect(bid, who).toMatchObject({ ok: false, error: { code: 'not_found' } });
    }
    const newcomer = await joinCommunityAs(
      harness.server.origin,
      harness.world.lead,
      harness.world.community.id,
      'member',
    );
    await addToSet(
      harness.server.origin,
      harness.world.setFacilitator,
      harness.world.set.id,
      newcomer.user.id,
      'member',
    );
    const socket = await connect(newcomer.cookie);
    expect(await request(socket, SOCKET_EVENTS.meetingJoin, { meetingId: meeting.id })).toMatchObject({
      ok: false,
      error: { code: 'ground_rules' },
    });
    // Adding someone is a new revision: everyone agrees again before the next join.
    expect(
      await request(await connect(harness.world.setMember.cookie), SOCKET_EVENTS.meetingJoin, {
        meetingId: meeting.id,
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'ground_rules' },
    });
    const rules = await api<{ groundRules: { revision: number } }>(
      harness.server.origin,
      'GET',
      `/api/rooms/${harness.world.set.id}/ground-rules`,
      { cookie: harness.world.setFacilitator.cookie },
    );
    for (const person of [
      harness.world.setFacilitator,
      harness.world.setMember,
      harness.world.secondMember,
      harness.world.setObserver,
      newcomer,
    ]) {
      await api(harness.server.origin, 'POST', `/api/rooms/${harness.world.set.id}/ground-rules/agreement`, {
        cookie: person.cookie,
        body: { revision: rules.body.groundRules.revision },
      });
    }
    const { joined } = await join(newcomer.cookie, meeting.id);
    expect(joined.meeting).toMatchObject({ id: meeting.id, status: 'scheduled' });
    expect(Date.parse(joined.now)).toBeGreaterThan(0);
  });
});

describe('running a meeting', () => {
  it('lets only whoever runs it drive it; others are refused forbidden and nothing changes', async () => {
    const meeting = await scheduleMeeting(
      harness.server.origin,
      harness.world.set.id,
      harness.world.setFacilitator,
    );
    const member = await join(harness.world.setMember.cookie, meeting.id);
    const observer = await join(harness.world.setObserver.cookie, meeting.id);
    for (const [who, socket] of [
      ['member', member.socket],
      ['observer', observer.socket],
    ] as const) {
      for (const [event, payload] of [
        [SOCKET_EVENTS.meetingStart, { meetingId: meeting.id }],
        [SOCKET_EVENTS.meetingStage, { meetingId: meeting.id, stageId: 'bids' }],
        [SOCKET_EVENTS.meetingTimer, { meetingId: meeting.id, action: 'pause' }],
        [SOCKET_EVENTS.meetingEnd, { meetingId: meeting.id }],
      ] as const) {
        expect(await request(socket, event, payload), `${who} ${event}`).toMatchObject({
          ok: false,
          error: { code: 'forbidden' },
        });
      }
    }
    expect((await readMeeting(meeting.id)).meeting.status).toBe('scheduled');

    const runner = await join(harness.world.setFacilitator.cookie, meeting.id);
    const seen = nextState(member.socket);
    const started = await must<MeetingStateEvent>(runner.socket, SOCKET_EVENTS.meetingStart, {
      meetingId: meeting.id,
    });
    expect(started.meeting).toMatchObject({ status: 'live', currentStageId: 'check-in' });
    expect((await seen).meeting).toMatchObject({ status: 'live', currentStageId: 'check-in' });
    const moved = nextState(observer.socket);
    await must(runner.socket, SOCKET_EVENTS.meetingStage, { meetingId: meeting.id, stageId: 'bids' });
    expect((await moved).meeting.currentStageId).toBe('bids');

    // A facilitator hands the next meeting to a member, who then runs it.
    const handed = await scheduleMeeting(
      harness.server.origin,
      harness.world.set.id,
      harness.world.setFacilitator,
    );
    const handover = await api(harness.server.origin, 'PATCH', `/api/meetings/${handed.id}`, {
      cookie: harness.world.setFacilitator.cookie,
      body: { runnerId: harness.world.setMember.user.id },
    });
    expect(handover.status).toBe(200);
    const byMember = await join(harness.world.setMember.cookie, handed.id);
    expect(
      await request(byMember.socket, SOCKET_EVENTS.meetingStart, { meetingId: handed.id }),
    ).toMatchObject({
      ok: true,
    });
    const other = await join(harness.world.secondMember.cookie, handed.id);
    expect(await request(other.socket, SOCKET_EVENTS.meetingEnd, { meetingId: handed.id })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await request(byMember.socket, SOCKET_EVENTS.meetingEnd, { meetingId: handed.id })).toMatchObject({
      ok: true,
      meeting: { status: 'ended' },
    });
  });

  it('lets members bid and write only their own actions; observers are refused and nothing is stored', async () => {
    const meeting = await scheduleMeeting(
      harness.server.origin,
      harness.world.set.id,
      harness.world.setFacilitator,
    );
    const runner = await join(harness.world.setFacilitator.cookie, meeting.id);
    await must(runner.socket, SOCKET_EVENTS.meetingStart, { meetingId: meeting.id });
    const member = await join(harness.world.setMember.cookie, meeting.id);
    const second = await join(harness.world.secondMember.cookie, meeting.id);
    const observer = await join(harness.world.setObserver.cookie, meeting.id);

    const bids = new Promise<MeetingBid[]>((resolve) =>
      runner.socket.once(SOCKET_EVENTS.meetingBids, ({ bids }) => resolve(bids)),
    );
    const bid = await must<{ bid: MeetingBid }>(member.socket, SOCKET_EVENTS.meetingBid, {
      meetingId: meeting.id,
      minutes: 20,
      topic: 'A hard conversation with a partner agency',
    });
    expect(bid.bid).toMatchObject({ userId: harness.world.setMember.user.id, minutes: 20 });
    expect((await bids).map((entry) => entry.userId)).toEqual([harness.world.setMember.user.id]);
    await must(second.socket, SOCKET_EVENTS.meetingBid, { meetingId: meeting.id, minutes: 15 });
    expect(
      await request(observer.socket, SOCKET_EVENTS.meetingBid, { meetingId: meeting.id, minutes: 10 }),
    ).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });

    const ordered = await api<{ meeting: Meeting }>(
      harness.server.origin,
      'POST',
      `/api/meetings/${meeting.id}/presenters`,
      {
        cookie: harness.world.setFacilitator.cookie,
        body: { userIds: [harness.world.secondMember.user.id, harness.world.setMember.user.id] },
      },
    );
    expect(ordered.status).toBe(200);
    const presenterStages = ordered.body.meeting.stages.filter((stage) => stage.presenterId);
    expect(presenterStages.map((stage) => [stage.kind, stage.presenterId])).toEqual([
      ['presenting', harness.world.secondMember.user.id],
      ['questions', harness.world.secondMember.user.id],
      ['presenter-reflection', harness.world.secondMember.user.id],
      ['presenting', harness.world.setMember.user.id],
      ['questions', harness.world.setMember.user.id],
      ['presenter-reflection', harness.world.setMember.user.id],
    ]);
    expect(ordered.body.meeting.stages.at(-2)?.kind).toBe('review');

    const written = await must<{ action: MeetingAction }>(member.socket, SOCKET_EVENTS.actionUpdate, {
      meetingId: meeting.id,
      text: 'Ask my manager for supervision time',
    });
    expect(written.action).toMatchObject({ ownerId: harness.world.setMember.user.id, status: 'open' });
    for (const [who, socket] of [
      ['another member', second.socket],
      ['the facilitator', runner.socket],
    ] as const) {
      expect(
        await request(socket, SOCKET_EVENTS.actionUpdate, {
          meetingId: meeting.id,
          actionId: written.action.id,
          text: 'Changed by someone else',
        }),
        who,
      ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(
      await request(observer.socket, SOCKET_EVENTS.actionUpdate, {
        meetingId: meeting.id,
        text: 'An observer action',
      }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const stored = await readMeeting(meeting.id);
    expect(stored.actions.map((action) => action.text)).toEqual(['Ask my manager for supervision time']);
    expect(stored.bids.map((entry) => entry.userId).sort()).toEqual(
      [harness.world.setMember.user.id, harness.world.secondMember.user.id].sort(),
    );
  });
});

describe('access and concurrency', () => {
  it('stops sending a meeting to someone removed from the set, at once, on the socket they have open', async () => {
    const newcomer = await joinCommunityAs(
      harness.server.origin,
      harness.world.lead,
      harness.world.community.id,
      'member',
    );
    await addToSet(
      harness.server.origin,
      harness.world.setFacilitator,
      harness.world.set.id,
      newcomer.user.id,
      'member',
    );
    const rules = await api<{ groundRules: { revision: number } }>(
      harness.server.origin,
      'GET',
      `/api/rooms/${harness.world.set.id}/ground-rules`,
      { cookie: harness.world.setFacilitator.cookie },
    );
    // Someone joining is a new revision: everyone in the set agrees again.
    for (const person of [
      harness.world.setFacilitator,
      harness.world.setMember,
      harness.world.secondMember,
      harness.world.setObserver,
      newcomer,
    ]) {
      await api(harness.server.origin, 'POST', `/api/rooms/${harness.world.set.id}/ground-rules/agreement`, {
        cookie: person.cookie,
        body: { revision: rules.body.groundRules.revision },
      });
    }
    const meeting = await scheduleMeeting(
      harness.server.origin,
      harness.world.set.id,
      harness.world.setFacilitator,
    );
    const runner = await join(harness.world.setFacilitator.cookie, meeting.id);
    const removed = await join(newcomer.cookie, meeting.id);
    const heard: string[] = [];
    removed.socket.on(SOCKET_EVENTS.meetingState, ({ meeting: state }) => heard.push(state.status));
    const lostAccess = new Promise((resolve) => removed.socket.once(SOCKET_EVENTS.roomAccess, resolve));
    const gone = await api(
      harness.server.origin,
      'DELETE',
      `/api/rooms/${harness.world.set.id}/members/${newcomer.user.id}`,
      {
        cookie: harness.world.setFacilitator.cookie,
      },
    );
    expect(gone.status).toBe(204);
    await lostAccess;
    const runnerHeard = nextState(runner.socket);
    await must(runner.socket, SOCKET_EVENTS.meetingStart, { meetingId: meeting.id });
    await runnerHeard;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(heard).toEqual([]);
    expect(await request(removed.socket, SOCKET_EVENTS.meetingJoin, { meetingId: meeting.id })).toMatchObject(
      {
        ok: false,
        error: { code: 'not_found' },
      },
    );
  });

  it('counts two quick clock changes from whoever runs the meeting both', async () => {
    const meeting = await scheduleMeeting(
      harness.server.origin,
      harness.world.set.id,
      harness.world.setFacilitator,
    );
    const runner = await join(harness.world.setFacilitator.cookie, meeting.id);
    await must(runner.socket, SOCKET_EVENTS.meetingStart, { meetingId: meeting.id });
    await Promise.all([
      must(runner.socket, SOCKET_EVENTS.meetingTimer, { meetingId: meeting.id, action: 'add', seconds: -60 }),
      must(runner.socket, SOCKET_EVENTS.meetingTimer, { meetingId: meeting.id, action: 'add', seconds: -60 }),
    ]);
    expect((await readMeeting(meeting.id)).meeting.timer?.durationSeconds).toBe(10 * 60 - 120);
  });
});

describe('actions across meetings', () => {
  it('brings open actions back at the next meetings until their owner reflects on them', async () => {
    const first = await scheduleMeeting(
      harness.server.origin,
      harness.world.set.id,
      harness.world.setFacilitator,
      'First',
    );
    const runner1 = await join(harness.world.setFacilitator.cookie, first.id);
    await must(runner1.socket, SOCKET_EVENTS.meetingStart, { meetingId: first.id });
    const member1 = await join(harness.world.setMember.cookie, first.id);
    const kept = await must<{ action: MeetingAction }>(member1.socket, SOCKET_EVENTS.actionUpdate, {
      meetingId: first.id,
      text: 'Try a joint visit with the health visitor',
    });
    const answered = await must<{ action: MeetingAction }>(member1.socket, SOCKET_EVENTS.actionUpdate, {
      meetingId: first.id,
      text: 'Read the practice guidance again',
    });
    await must(runner1.socket, SOCKET_EVENTS.meetingEnd, { meetingId: first.id });

    const second = await scheduleMeeting(
      harness.server.origin,
      harness.world.set.id,
      harness.world.setFacilitator,
      'Second',
    );
    const runner2 = await join(harness.world.setFacilitator.cookie, second.id);
    await must(runner2.socket, SOCKET_EVENTS.meetingStart, { meetingId: second.id });
    const member2 = await join(harness.world.setMember.cookie, second.id);
    expect(member2.joined.actions.map((action) => action.id)).toEqual(
      expect.arrayContaining([kept.action.id, answered.action.id]),
    );
    const other = await join(harness.world.secondMember.cookie, second.id);
    expect(
      await request(other.socket, SOCKET_EVENTS.actionUpdate, {
        meetingId: second.id,
        actionId: answered.action.id,
        reflection: 'Not mine to answer',
      }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const reflected = await must<{ action: MeetingAction }>(member2.socket, SOCKET_EVENTS.actionUpdate, {
      meetingId: second.id,
      actionId: answered.action.id,
      reflection: 'I did it, and learned the guidance had changed',
    });
    expect(reflected.action).toMatchObject({
      status: 'reflected',
      reflection: expect.stringContaining('learned'),
    });
    await must(runner2.socket, SOCKET_EVENTS.meetingEnd, { meetingId: second.id });

    const third = await scheduleMeeting(
      harness.server.origin,
      harness.world.set.id,
      harness.world.setFacilitator,
      'Third',
    );
    const runner3 = await join(harness.world.setFacilitator.cookie, third.id);
    await must(runner3.socket, SOCKET_EVENTS.meetingStart, { meetingId: third.id });
    const member3 = await join(harness.world.setMember.cookie, third.id);
    const ids = member3.joined.actions.map((action) => action.id);
    expect(ids).toContain(kept.action.id);
    expect(ids, 'answered at the second meeting').not.toContain(answered.action.id);

    const open = await api<{ actions: MeetingAction[] }>(
      harness.server.origin,
      'GET',
      `/api/rooms/${harness.world.set.id}/actions?status=open`,
      { cookie: harness.world.setMember.cookie },
    );
    expect(open.body.actions.map((action) => action.id)).toContain(kept.action.id);
    expect(open.body.actions.every((action) => action.ownerId === harness.world.setMember.user.id)).toBe(
      true,
    );
    expect(open.body.actions.map((action) => action.id)).not.toContain(answered.action.id);
    const theirs = await api<{ actions: MeetingAction[] }>(
      harness.server.origin,
      'GET',
      `/api/rooms/${harness.world.set.id}/actions?status=open`,
      { cookie: harness.world.secondMember.cookie },
    );
    expect(theirs.body.actions.map((action) => action.id)).not.toContain(kept.action.id);
    const everyone = await api<{ actions: MeetingAction[] }>(
      harness.server.origin,
      'GET',
      `/api/rooms/${harness.world.set.id}/actions?status=open`,
      { cookie: harness.world.setFacilitator.cookie },
    );
    expect(everyone.body.actions.map((action) => action.id)).toContain(kept.action.id);
  });
});

describe('malformed payloads', () => {
  it('answer typed errors and change nothing', async () => {
    const meeting = await scheduleMeeting(
      harness.server.origin,
      harness.world.set.id,
      harness.world.setFacilitator,
    );
    const runner = await join(harness.world.setFacilitator.cookie, meeting.id);
    for (const [event, payload] of [
      [SOCKET_EVENTS.meetingJoin, { meetingId: { $ne: null } }],
      [SOCKET_EVENTS.meetingJoin, 'not an object'],
      [SOCKET_EVENTS.meetingStart, { meetingId: meeting.id, extra: true }],
      [SOCKET_EVENTS.meetingStage, { meetingId: meeting.id, stageId: '../../etc' }],
      [SOCKET_EVENTS.meetingTimer, { meetingId: meeting.id, action: 'explode' }],
      [SOCKET_EVENTS.meetingTimer, { meetingId: meeting.id, action: 'add' }],
      [SOCKET_EVENTS.meetingTimer, { meetingId: meeting.id, action: 'add', seconds: 1e9 }],
      [SOCKET_EVENTS.meetingBid, { meetingId: meeting.id, minutes: -5 }],
      [SOCKET_EVENTS.meetingBid, { meetingId: meeting.id, minutes: 10, topic: 'x'.repeat(5000) }],
      [SOCKET_EVENTS.actionUpdate, { meetingId: meeting.id }],
      [SOCKET_EVENTS.actionUpdate, { meetingId: meeting.id, reflection: 'no action named' }],
      [SOCKET_EVENTS.actionUpdate, { meetingId: meeting.id, text: '   ' }],
    ] as const) {
      expect(
        await request(runner.socket, event, payload),
        `${event} ${JSON.stringify(payload)}`,
      ).toMatchObject({
        ok: false,
        error: { code: 'validation_failed' },
      });
    }
    expect(
      await request(runner.socket, SOCKET_EVENTS.meetingJoin, { meetingId: 'f'.repeat(24) }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    const after = await readMeeting(meeting.id);
    expect(after.meeting.status).toBe('scheduled');
    expect(after.bids).toEqual([]);
  });
});
