import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SOCKET_EVENTS,
  type HostHeadcount,
  type HostQuestion,
  type OpenDayHostPositionEvent,
  type OpenDayJoinResult,
  type OwnQuestion,
  type PublicQuestion,
} from '@common-ground/shared';
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

describe('an open day, live', () => {
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
  /** Every text a socket ever received, whatever the event, to prove a text never arrived by any path. */
  const everything = (socket: ClientSocket) => {
    const seen: string[] = [];
    socket.onAny((_event, ...args) => seen.push(JSON.stringify(args)));
    return seen;
  };
  const moderate = (openDayId: string, questionId: string, body: unknown) =>
    api<{ question: HostQuestion }>(
      world.server.origin,
      'POST',
      `/api/hosted-open-days/${openDayId}/questions/${questionId}/moderation`,
      { cookie: world.host.cookie, body },
    );
  const ask = async (cookie: string, text: string) => {
    const result = await api<{ question: OwnQuestion }>(
      world.server.origin,
      'POST',
      '/api/open-day-pass/questions',
      {
        cookie,
        body: { text },
      },
    );
    expect(result.status).toBe(201);
    return result.body.question;
  };
  const passQuestions = (cookie: string) =>
    api<{ questions: PublicQuestion[]; mine: OwnQuestion[] }>(
      world.server.origin,
      'GET',
      '/api/open-day-pass/questions',
      {
        cookie,
      },
    );

  it('never lets a pending or rejected question reach another visitor, over HTTP or the socket', async () => {
    const openDay = await scheduleOpenDay(world, { startsInMinutes: -60 });
    const asker = await registeredVisitor(world, openDay.slug);
    const other = await registeredVisitor(world, openDay.slug);
    const askerSocket = await connect(asker.cookie);
    const otherSocket = await connect(other.cookie);
    const hostSocket = await connect(world.host.cookie);
    await join(askerSocket, openDay.id);
    await join(otherSocket, openDay.id);
    const hostJoin = await join(hostSocket, openDay.id);
    expect(hostJoin.host).not.toBeNull();
    const seenByOther = everything(otherSocket);
    const queue: HostQuestion[] = [];
    hostSocket.on(SOCKET_EVENTS.openDayQueue, ({ question }) => queue.push(question));
    const approvedLive: PublicQuestion[] = [];
    otherSocket.on(SOCKET_EVENTS.openDayQuestion, ({ question }) => approvedLive.push(question));

    const pending = await ask(asker.cookie, 'PENDING: what does the service cost?');
    const rejected = await ask(asker.cookie, 'REJECTED: a question for the bin');
    const approved = await ask(asker.cookie, 'APPROVED: how many staff?');
    await expect.poll(() => queue.map((question) => question.text)).toContain('APPROVED: how many staff?');
    expect((await moderate(openDay.id, rejected.id, { action: 'reject' })).status).toBe(200);
    expect((await moderate(openDay.id, approved.id, { action: 'approve' })).status).toBe(200);
    await expect
      .poll(() => approvedLive.map((question) => question.text))
      .toEqual(['APPROVED: how many staff?']);
    expect((await moderate(openDay.id, approved.id, { action: 'answer', answer: 'Six.' })).status).toBe(200);
    await expect.poll(() => approvedLive.at(-1)?.answer).toBe('Six.');

    // Another visitor, by every path: HTTP list, a fresh join, a vote on the unapproved one, and every socket event.
    const listed = await passQuestions(other.cookie);
    expect(listed.body.questions.map((question) => question.text)).toEqual(['APPROVED: how many staff?']);
    expect(listed.body.mine).toEqual([]);
    const rejoin = await join(await connect(other.cookie), openDay.id);
    expect(rejoin.questions.map((question) => question.text)).toEqual(['APPROVED: how many staff?']);
    expect(rejoin.host).toBeNull();
    for (const hidden of [pending, rejected]) {
      const vote = await api(world.server.origin, 'PUT', `/api/open-day-pass/questions/${hidden.id}/vote`, {
        cookie: other.cookie,
        body: {},
      });
      expect(vote.status).toBe(404);
    }
    expect(
      (
        await api(world.server.origin, 'GET', `/api/hosted-open-days/${openDay.id}/questions`, {
          cookie: other.cookie,
        })
      ).status,
    ).toBe(403);
    const seen = seenByOther.join('\n');
    expect(seen).not.toContain('PENDING');
    expect(seen).not.toContain('REJECTED');
    // The asker still sees their own, with its status.
    const own = await passQuestions(asker.cookie);
    expect(own.body.mine.map((question) => [question.text, question.status]).sort()).toEqual([
      ['APPROVED: how many staff?', 'answered'],
      ['PENDING: what does the service cost?', 'pending'],
      ['REJECTED: a question for the bin', 'rejected'],
    ]);
  });

  it('counts one vote per pass, and the host sees the queue by votes', async () => {
    const openDay = await scheduleOpenDay(world, { startsInMinutes: -60 });
    const visitors = [
      await registeredVisitor(world, openDay.slug),
      await registeredVisitor(world, openDay.slug),
      await registeredVisitor(world, openDay.slug),
    ];
    const first = await ask(visitors[0]!.cookie, 'First question');
    const second = await ask(visitors[1]!.cookie, 'Second question');
    await moderate(openDay.id, first.id, { action: 'approve' });
    await moderate(openDay.id, second.id, { action: 'approve' });
    const vote = (cookie: string, id: string) =>
      api<{ question: PublicQuestion }>(
        world.server.origin,
        'PUT',
        `/api/open-day-pass/questions/${id}/vote`,
        {
          cookie,
          body: {},
        },
      );
    // The same pass voting twice at once, and again later: one vote.
    const racing = await Promise.all([
      vote(visitors[0]!.cookie, second.id),
      vote(visitors[0]!.cookie, second.id),
    ]);
    expect(racing.map((result) => result.status).sort()).toEqual([200, 409]);
    expect((await vote(visitors[0]!.cookie, second.id)).status).toBe(409);
    expect((await vote(visitors[2]!.cookie, second.id)).body.question.votes).toBe(2);
    expect((await vote(visitors[2]!.cookie, first.id)).body.question.votes).toBe(1);
    const queue = await api<{ questions: HostQuestion[] }>(
      world.server.origin,
      'GET',
      `/api/hosted-open-days/${openDay.id}/questions`,
      { cookie: world.host.cookie },
    );
    expect(queue.body.questions.map((question) => [question.text, question.votes])).toEqual([
      ['Second question', 2],
      ['First question', 1],
    ]);
    const mine = await passQuestions(visitors[2]!.cookie);
    expect(mine.body.questions.every((question) => question.votedByMe)).toBe(true);
  });

  it('edits a question for anonymity and merges duplicates, votes and all', async () => {
    const openDay = await scheduleOpenDay(world, { startsInMinutes: -60 });
    const asker = await registeredVisitor(world, openDay.slug);
    const voter = await registeredVisitor(world, openDay.slug);
    const named = await ask(asker.cookie, 'Could Priya from our team visit?');
    const duplicate = await ask(asker.cookie, 'Can someone from our team visit?');
    const edited = await moderate(openDay.id, named.id, {
      action: 'edit',
      text: 'Could someone from our team visit?',
    });
    expect(edited.body.question.originalText).toBe('Could Priya from our team visit?');
    await moderate(openDay.id, named.id, { action: 'approve' });
    await moderate(openDay.id, duplicate.id, { action: 'approve' });
    await api(world.server.origin, 'PUT', `/api/open-day-pass/questions/${duplicate.id}/vote`, {
      cookie: voter.cookie,
      body: {},
    });
    const merged = await moderate(openDay.id, duplicate.id, { action: 'merge', intoQuestionId: named.id });
    expect(merged.body.question.status).toBe('merged');
    const seen = await passQuestions(voter.cookie);
    expect(
      seen.body.questions.map((question) => [question.text, question.votes, question.votedByMe]),
    ).toEqual([['Could someone from our team visit?', 1, true]]);
    expect(JSON.stringify(seen.body)).not.toContain('Priya');
  });

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
