import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SOCKET_EVENTS,
  type HostQuestion,
  type OpenDayJoinResult,
  type OwnQuestion,
  type PublicQuestion,
} from '@common-ground/shared';
import { api } from '../support/http.ts';
import {
  registeredVisitor,
  scheduleOpenDay,
  startOpenDayWorld,
  type OpenDayWorld,
} from '../support/openDayWorld.ts';
import { connectSocket, request, type ClientSocket } from './discussionClient.ts';

describe('an open day, live: moderated questions and votes', () => {
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
});
