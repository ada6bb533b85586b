import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  COLLAB_PATH,
  SOCKET_EVENTS,
  type AttendanceEntry,
  type ErrorBody,
  type Meeting,
  type MeetingNotes,
} from '@common-ground/shared';
import { purgeEndedSets } from '../../server/src/jobs/setRetention.ts';
import { DocumentUpdateModel } from '../../server/src/models/DocumentUpdate.ts';
import { MeetingActionModel } from '../../server/src/models/MeetingAction.ts';
import { MeetingAttendanceModel } from '../../server/src/models/MeetingAttendance.ts';
import { MeetingModel } from '../../server/src/models/Meeting.ts';
import { MessageModel } from '../../server/src/models/Message.ts';
import { SetPurgeClaimModel } from '../../server/src/models/SetPurgeClaim.ts';
import { upgradeStatus } from '../collaboration/collabClient.ts';
import { sendMessage, type ClientSocket } from '../realtime/discussionClient.ts';
import { api } from '../support/http.ts';
import { joinMeeting, meetingWorld, must, scheduleMeeting } from '../support/meetingWorld.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';

type World = Awaited<ReturnType<typeof meetingWorld>>;

let server: TestServer;
let world: World;
const sockets: ClientSocket[] = [];
beforeAll(async () => {
  server = await startTestServer({ DISABLE_RATE_LIMITS: 'true' });
  world = await meetingWorld(server.origin);
});
afterAll(async () => {
  for (const socket of sockets) socket.close();
  await server?.stop();
});

const join = async (cookie: string, meetingId: string) => {
  const joined = await joinMeeting(server.origin, cookie, meetingId);
  sockets.push(joined.socket);
  return joined;
};

/** Runs a meeting where the set member presents and writes an action, and the second member writes one too. */
async function runMeeting() {
  const meeting = await scheduleMeeting(server.origin, world.set.id, world.setFacilitator);
  const runner = await join(world.setFacilitator.cookie, meeting.id);
  const member = await join(world.setMember.cookie, meeting.id);
  const second = await join(world.secondMember.cookie, meeting.id);
  await must(runner.socket, SOCKET_EVENTS.meetingStart, { meetingId: meeting.id });
  await must(member.socket, SOCKET_EVENTS.meetingBid, {
    meetingId: meeting.id,
    minutes: 20,
    topic: 'Secret topic',
  });
  await api(server.origin, 'POST', `/api/meetings/${meeting.id}/presenters`, {
    cookie: world.setFacilitator.cookie,
    body: { userIds: [world.setMember.user.id] },
  });
  await must(member.socket, SOCKET_EVENTS.actionUpdate, {
    meetingId: meeting.id,
    text: 'Book reflective supervision',
  });
  await must(second.socket, SOCKET_EVENTS.actionUpdate, {
    meetingId: meeting.id,
    text: `Words of ${world.secondMember.user.displayName}: call the team`,
  });
  await must(runner.socket, SOCKET_EVENTS.meetingEnd, { meetingId: meeting.id });
  return meeting;
}

describe('meetings over HTTP', () => {
  it('schedules a meeting with the default stages, for the set facilitators only', async () => {
    const created = await api<{ meeting: Meeting }>(
      server.origin,
      'POST',
      `/api/rooms/${world.set.id}/meetings`,
      {
        cookie: world.setFacilitator.cookie,
        body: { title: 'April meeting', startsAt: '2026-04-01T10:00:00.000Z' },
      },
    );
    expect(created.status).toBe(201);
    expect(created.body.meeting).toMatchObject({
      roomId: world.set.id,
      title: 'April meeting',
      status: 'scheduled',
      currentStageId: null,
      timer: null,
      settings: { typedQuestions: false },
      runnerId: null,
    });
    expect(created.body.meeting.stages.map((stage) => stage.kind)).toEqual([
      'check-in',
      'reflection',
      'bids',
      'review',
      'close',
    ]);
    for (const who of [world.setMember, world.setObserver]) {
      const refused = await api(server.origin, 'POST', `/api/rooms/${world.set.id}/meetings`, {
        cookie: who.cookie,
        body: { title: 'Not mine to call', startsAt: '2026-04-01T10:00:00.000Z' },
      });
      expect(refused.status).toBe(403);
    }
    const listed = await api<{ meetings: Meeting[] }>(
      server.origin,
      'GET',
      `/api/rooms/${world.set.id}/meetings`,
      {
        cookie: world.setObserver.cookie,
      },
    );
    expect(listed.body.meetings.map((meeting) => meeting.id)).toContain(created.body.meeting.id);
    expect(await MeetingModel.countDocuments({ title: 'Not mine to call' })).toBe(0);
  });

  it('lets nobody outside the set read anything of it: meetings, actions, attendance or the CPD export', async () => {
    const meeting = await runMeeting();
    for (const [who, cookie, expected] of [
      ['community facilitator', world.lead.cookie, 404],
      ['community member outside the set', world.bystander.cookie, 404],
      ['visitor with a pass for another room', world.visitor.cookie, 401],
      ['outsider', world.outsider.cookie, 404],
      ['nobody', null, 401],
    ] as const) {
      for (const [method, path, body] of [
        ['GET', `/api/rooms/${world.set.id}/meetings`],
        ['POST', `/api/rooms/${world.set.id}/meetings`, { title: 'x', startsAt: '2026-04-01T10:00:00.000Z' }],
        ['GET', `/api/meetings/${meeting.id}`],
        ['PATCH', `/api/meetings/${meeting.id}`, { title: 'Renamed' }],
        ['POST', `/api/meetings/${meeting.id}/presenters`, { userIds: [] }],
        [
          'PUT',
          `/api/meetings/${meeting.id}/attendance`,
          { userId: world.setMember.user.id, present: false },
        ],
        ['GET', `/api/rooms/${world.set.id}/actions?status=open`],
        ['GET', `/api/rooms/${world.set.id}/cpd?format=markdown`],
        ['POST', `/api/rooms/${world.set.id}/end`, { keepMonths: 1 }],
      ] as const) {
        const result = await api(server.origin, method, path, { cookie, ...(body ? { body } : {}) });
        // A visitor's session is not a user's: 401 before anything is looked up.
        expect([expected, 403], `${who}: ${method} ${path}`).toContain(result.status);
        expect(JSON.stringify(result.body ?? ''), `${who}: ${method} ${path}`).not.toMatch(
          /supervision|Secret topic/,
        );
      }
    }
    expect((await MeetingModel.findById(meeting.id).lean())?.title).not.toBe('Renamed');
  });

  it('shows attendance from live presence to the set facilitators only, and takes their corrections', async () => {
    const meeting = await runMeeting();
    const read = (cookie: string) =>
      api<{ attendance: AttendanceEntry[] | null }>(server.origin, 'GET', `/api/meetings/${meeting.id}`, {
        cookie,
      });
    const byFacilitator = await read(world.setFacilitator.cookie);
    expect(
      byFacilitator.body.attendance
        ?.filter((entry) => entry.present)
        .map((entry) => entry.userId)
        .sort(),
    ).toEqual([world.setFacilitator.user.id, world.setMember.user.id, world.secondMember.user.id].sort());
    expect((await read(world.setMember.cookie)).body.attendance).toBeNull();

    const byPhone = await api<{ attendance: AttendanceEntry[] }>(
      server.origin,
      'PUT',
      `/api/meetings/${meeting.id}/attendance`,
      { cookie: world.setFacilitator.cookie, body: { userId: world.setObserver.user.id, present: true } },
    );
    expect(byPhone.status).toBe(200);
    expect(byPhone.body.attendance).toContainEqual(
      expect.objectContaining({ userId: world.setObserver.user.id, present: true, source: 'manual' }),
    );
    const refused = await api(server.origin, 'PUT', `/api/meetings/${meeting.id}/attendance`, {
      cookie: world.setMember.cookie,
      body: { userId: world.setMember.user.id, present: false },
    });
    expect(refused.status).toBe(403);
    expect(
      await MeetingAttendanceModel.exists({
        meetingId: meeting.id,
        userId: world.setMember.user.id,
        present: false,
      }),
    ).toBeNull();
  });

  it('exports a CPD record with the member’s own actions and time presenting, and no other member’s name', async () => {
    await runMeeting();
    const markdown = await api<string>(
      server.origin,
      'GET',
      `/api/rooms/${world.set.id}/cpd?format=markdown`,
      {
        cookie: world.setMember.cookie,
      },
    );
    expect(markdown.status).toBe(200);
    expect(String(markdown.body)).toContain('Book reflective supervision');
    expect(String(markdown.body)).toMatch(/presented for \d+ minutes/);
    for (const other of [world.setFacilitator, world.secondMember, world.setObserver, world.lead]) {
      expect(String(markdown.body)).not.toContain(other.user.displayName);
    }
    expect(String(markdown.body)).not.toContain('call the team');
    expect(String(markdown.body)).not.toContain('Secret topic');

    const pdf = await fetch(`${server.origin}/api/rooms/${world.set.id}/cpd?format=pdf`, {
      headers: { cookie: world.setMember.cookie },
    });
    expect([200, 503]).toContain(pdf.status);
    if (pdf.status === 200) {
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
      expect(
        Buffer.from(await pdf.arrayBuffer())
          .subarray(0, 4)
          .toString(),
      ).toBe('%PDF');
    }
  });

  it('makes notes only when the presenter opts in, written by the note-takers they choose, read by the set only', async () => {
    const meeting = await scheduleMeeting(server.origin, world.set.id, world.setFacilitator);
    const member = await join(world.setMember.cookie, meeting.id);
    const runner = await join(world.setFacilitator.cookie, meeting.id);
    await must(runner.socket, SOCKET_EVENTS.meetingStart, { meetingId: meeting.id });
    await must(member.socket, SOCKET_EVENTS.meetingBid, { meetingId: meeting.id, minutes: 12 });
    await api(server.origin, 'POST', `/api/meetings/${meeting.id}/presenters`, {
      cookie: world.setFacilitator.cookie,
      body: { userIds: [world.setMember.user.id] },
    });
    const notesPath = `/api/meetings/${meeting.id}/notes`;
    const listed = await api<{ notes: MeetingNotes[] }>(server.origin, 'GET', notesPath, {
      cookie: world.setMember.cookie,
    });
    expect(listed.body.notes, 'nothing is written until the presenter opts in').toEqual([]);
    for (const who of [world.setFacilitator, world.secondMember, world.setObserver]) {
      const refused = await api(server.origin, 'POST', notesPath, {
        cookie: who.cookie,
        body: { noteTakerIds: [] },
      });
      expect(refused.status, who.user.displayName).toBe(403);
    }
    const optedIn = await api<{ notes: MeetingNotes }>(server.origin, 'POST', notesPath, {
      cookie: world.setMember.cookie,
      body: { noteTakerIds: [world.secondMember.user.id] },
    });
    expect(optedIn.status).toBe(201);
    const { documentId } = optedIn.body.notes;
    const exportPath = `/api/documents/${documentId}/export?format=markdown`;
    const exported = await api<string>(server.origin, 'GET', exportPath, {
      cookie: world.setObserver.cookie,
    });
    expect(exported.status).toBe(200);
    expect(String(exported.body)).toContain('Question from the learner');
    expect(
      await upgradeStatus(server.origin, `${COLLAB_PATH}/${documentId}`, {
        cookie: world.secondMember.cookie,
      }),
    ).toBe(101);
    for (const [who, cookie] of [
      ['community facilitator', world.lead.cookie],
      ['community member outside the set', world.bystander.cookie],
      ['visitor with a pass for another room', world.visitor.cookie],
      ['outsider', world.outsider.cookie],
    ] as const) {
      expect((await api(server.origin, 'GET', exportPath, { cookie })).status, who).toBe(404);
      expect([401, 403, 404], who).toContain((await api(server.origin, 'GET', notesPath, { cookie })).status);
      expect(await upgradeStatus(server.origin, `${COLLAB_PATH}/${documentId}`, { cookie }), who).toBe(404);
    }
  });

  it('lets whoever runs a meeting edit its stages before and during it, keeping the one that is running', async () => {
    const meeting = await scheduleMeeting(server.origin, world.set.id, world.setFacilitator);
    const path = `/api/meetings/${meeting.id}`;
    const stages = [
      { id: 'check-in', kind: 'check-in', title: 'Arrivals', minutes: 15 },
      { id: 'close', kind: 'close', title: 'Close', minutes: 5 },
    ];
    const before = await api<{ meeting: Meeting }>(server.origin, 'PATCH', path, {
      cookie: world.setFacilitator.cookie,
      body: { stages },
    });
    expect(before.status).toBe(200);
    expect(before.body.meeting.stages.map((stage) => stage.title)).toEqual(['Arrivals', 'Close']);
    const refused = await api(server.origin, 'PATCH', path, {
      cookie: world.setMember.cookie,
      body: { stages },
    });
    expect(refused.status).toBe(403);
    const runner = await join(world.setFacilitator.cookie, meeting.id);
    await must(runner.socket, SOCKET_EVENTS.meetingStart, { meetingId: meeting.id });
    const removingCurrent = await api<ErrorBody>(server.origin, 'PATCH', path, {
      cookie: world.setFacilitator.cookie,
      body: { stages: [stages[1]] },
    });
    expect(removingCurrent.status).toBe(409);
    const during = await api<{ meeting: Meeting }>(server.origin, 'PATCH', path, {
      cookie: world.setFacilitator.cookie,
      body: { stages: [...stages, { id: 'extra-1', kind: 'review', title: 'What we learned', minutes: 10 }] },
    });
    expect(during.body.meeting.stages).toHaveLength(3);
    expect(during.body.meeting.currentStageId).toBe('check-in');
  });

  it('answers malformed bodies with typed errors and stores nothing', async () => {
    const meeting = await scheduleMeeting(server.origin, world.set.id, world.setFacilitator);
    for (const [method, path, body] of [
      ['POST', `/api/rooms/${world.set.id}/meetings`, { title: '', startsAt: 'tomorrow' }],
      [
        'POST',
        `/api/rooms/${world.set.id}/meetings`,
        { title: { $gt: '' }, startsAt: '2026-04-01T10:00:00Z' },
      ],
      [
        'PATCH',
        `/api/meetings/${meeting.id}`,
        { stages: [{ id: 'x', kind: 'party', title: 'x', minutes: 5 }] },
      ],
      ['PATCH', `/api/meetings/${meeting.id}`, { stages: [] }],
      ['PATCH', `/api/meetings/${meeting.id}`, { status: 'ended' }],
      ['POST', `/api/meetings/${meeting.id}/presenters`, { userIds: ['nope'] }],
      ['POST', `/api/meetings/${meeting.id}/presenters`, { userIds: [world.outsider.user.id] }],
      ['POST', `/api/rooms/${world.set.id}/end`, { keepMonths: -1 }],
    ] as const) {
      const result = await api<ErrorBody>(server.origin, method, path, {
        cookie: world.setFacilitator.cookie,
        body,
      });
      expect(result.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(400);
      expect(result.body.error.code).toBe('validation_failed');
    }
    const stored = await MeetingModel.findById(meeting.id).lean();
    expect(stored?.status).toBe('scheduled');
    expect(stored?.stages).toHaveLength(5);
  });
});

describe('retention when a set ends', () => {
  it('deletes the notes and discussion once, with two instances running the job, and keeps personal records', async () => {
    await runMeeting();
    const socket = (
      await join(
        world.setMember.cookie,
        (await scheduleMeeting(server.origin, world.set.id, world.setFacilitator)).id,
      )
    ).socket;
    await sendMessage(socket, world.set.id, `Discussion ${randomUUID()}`);
    expect(await MessageModel.countDocuments({ roomId: world.set.id })).toBeGreaterThan(0);
    const actionsBefore = await MeetingActionModel.countDocuments({ roomId: world.set.id });

    const refused = await api(server.origin, 'POST', `/api/rooms/${world.set.id}/end`, {
      cookie: world.setMember.cookie,
      body: { keepMonths: 0 },
    });
    expect(refused.status).toBe(403);
    const ended = await api<{ endedAt: string; deleteAfter: string }>(
      server.origin,
      'POST',
      `/api/rooms/${world.set.id}/end`,
      { cookie: world.setFacilitator.cookie, body: {} },
    );
    expect(ended.status).toBe(200);
    const months =
      (Date.parse(ended.body.deleteAfter) - Date.parse(ended.body.endedAt)) / (30.44 * 86_400_000);
    expect(Math.round(months), 'six months by default').toBe(6);

    expect(await purgeEndedSets(new Date()), 'nothing is due before the keeping time').toEqual([]);
    const due = new Date(Date.parse(ended.body.deleteAfter) + 1000);
    // Two instances run the job at the same moment: the unique claim lets one of them delete.
    const [a, b] = await Promise.all([purgeEndedSets(due), purgeEndedSets(due)]);
    expect([...a, ...b]).toEqual([world.set.id]);
    expect(await SetPurgeClaimModel.countDocuments({ roomId: world.set.id })).toBe(1);
    expect(await purgeEndedSets(due), 'and never again').toEqual([]);

    expect(await MessageModel.countDocuments({ roomId: world.set.id })).toBe(0);
    expect(await DocumentUpdateModel.countDocuments({ documentId: world.set.documentId })).toBe(0);
    expect(await MeetingActionModel.countDocuments({ roomId: world.set.id })).toBe(actionsBefore);
    const record = await api<string>(server.origin, 'GET', `/api/rooms/${world.set.id}/cpd`, {
      cookie: world.setMember.cookie,
    });
    expect(String(record.body)).toContain('Book reflective supervision');
  });
});
