import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenDayDashboard, OpenDayPass } from '@common-ground/shared';
import { deleteEndedOpenDayData } from '../../server/src/jobs/openDayDataDeletion.ts';
import { OpenDayAttendanceModel } from '../../server/src/models/OpenDayAttendance.ts';
import { OpenDayQuestionModel } from '../../server/src/models/OpenDayQuestion.ts';
import { OpenDayRegistrationModel } from '../../server/src/models/OpenDayRegistration.ts';
import { VisitorPassModel } from '../../server/src/models/VisitorPass.ts';
import { api } from '../support/http.ts';
import {
  moveOpenDayTo,
  registeredVisitor,
  scheduleOpenDay,
  startOpenDayWorld,
  type OpenDayWorld,
} from '../support/openDayWorld.ts';

describe('an open-day pass, phase by phase', () => {
  let world: OpenDayWorld;
  beforeAll(async () => {
    world = await startOpenDayWorld();
  });
  afterAll(async () => {
    await world?.stop();
  });

  const as = (cookie: string, method: string, path: string, body?: unknown) =>
    api<{ error?: { code: string; message: string; details?: Record<string, unknown> } }>(
      world.server.origin,
      method,
      path,
      { cookie, ...(body === undefined ? {} : { body }) },
    );
  const feedback = { usefulness: 4, nextStep: 'Brief my director', whoElse: '', whatWouldStop: 'Funding' };

  it('refuses, in each phase, what belongs to another, saying when it opens', async () => {
    const openDay = await scheduleOpenDay(world, { startsInMinutes: 3 * 24 * 60 });
    const visitor = await registeredVisitor(world, openDay.slug);
    expect(visitor.pass.phase).toBe('before');
    const { cookie } = visitor;

    // Before: pre-read and questions yes; the room, votes, take-back and feedback no.
    expect((await as(cookie, 'GET', '/api/open-day-pass/pre-read')).status).toBe(200);
    expect(
      (await as(cookie, 'POST', '/api/open-day-pass/questions', { text: 'How is Pause commissioned?' }))
        .status,
    ).toBe(201);
    const live = await as(cookie, 'GET', '/api/open-day-pass/live');
    expect(live.status).toBe(409);
    expect(live.body.error?.code).toBe('wrong_phase');
    const opensAt = new Date(openDay.times.liveFrom).toLocaleTimeString('en-GB', {
      hour: '2-digit',
      minute: '2-digit',
      timeZone: 'Europe/London',
    });
    expect(live.body.error?.message).toContain(`The open-day room opens at ${opensAt}`);
    expect(live.body.error?.details).toMatchObject({
      phase: 'before',
      availableFrom: openDay.times.liveFrom,
    });
    expect((await as(cookie, 'GET', '/api/open-day-pass/take-back')).body.error?.code).toBe('wrong_phase');
    expect((await as(cookie, 'PUT', '/api/open-day-pass/feedback', feedback)).body.error?.code).toBe(
      'wrong_phase',
    );
    // The room itself (HTTP, and so Socket.IO and /collab, which ask the same policy) does not admit the pass yet.
    expect((await as(cookie, 'GET', `/api/rooms/${openDay.roomId}`)).status).toBe(404);

    // Live: the room, questions and votes; not the take-back pack or feedback.
    await moveOpenDayTo(openDay.id, 'live');
    expect((await as(cookie, 'GET', '/api/open-day-pass/live')).status).toBe(200);
    expect((await as(cookie, 'GET', `/api/rooms/${openDay.roomId}`)).status).toBe(200);
    const takeBack = await as(cookie, 'GET', '/api/open-day-pass/take-back');
    expect(takeBack.body.error?.code).toBe('wrong_phase');
    expect(takeBack.body.error?.message).toContain('The take-back pack is ready after the open day');

    // After: take-back and feedback; the room and questions are closed.
    await moveOpenDayTo(openDay.id, 'after');
    expect((await as(cookie, 'GET', '/api/open-day-pass/take-back')).status).toBe(200);
    expect((await as(cookie, 'PUT', '/api/open-day-pass/feedback', feedback)).status).toBe(200);
    const closed = await as(cookie, 'GET', '/api/open-day-pass/live');
    expect(closed.body.error?.code).toBe('wrong_phase');
    expect(closed.body.error?.message).toContain('closed when the open day finished');
    const late = await as(cookie, 'POST', '/api/open-day-pass/questions', { text: 'One more?' });
    expect(late.body.error?.code).toBe('wrong_phase');
    expect((await as(cookie, 'GET', `/api/rooms/${openDay.roomId}`)).status).toBe(404);

    // Ended: the pass no longer opens anything.
    await moveOpenDayTo(openDay.id, 'ended');
    expect((await as(cookie, 'GET', '/api/open-day-pass')).status).toBe(401);
  });

  it('computes the dashboard’s feedback from the submissions themselves', async () => {
    const openDay = await scheduleOpenDay(world);
    const visitors = [];
    for (let index = 0; index < 4; index += 1) visitors.push(await registeredVisitor(world, openDay.slug));
    await moveOpenDayTo(openDay.id, 'after');
    const answers = [
      {
        usefulness: 5,
        nextStep: 'Brief the director',
        whoElse: 'Commissioners',
        whatWouldStop: '',
        wouldLikeToTalk: true,
      },
      { usefulness: 4, nextStep: '', whoElse: 'Health', whatWouldStop: 'Money', wouldLikeToTalk: false },
      { usefulness: 4, nextStep: 'Visit again', whoElse: '', whatWouldStop: '' },
    ];
    for (const [index, answer] of answers.entries())
      expect((await as(visitors[index]!.cookie, 'PUT', '/api/open-day-pass/feedback', answer)).status).toBe(
        200,
      );
    // Changing one's answer replaces it rather than counting twice.
    await as(visitors[2]!.cookie, 'PUT', '/api/open-day-pass/feedback', { ...answers[2], usefulness: 2 });
    const dashboard = await api<OpenDayDashboard>(
      world.server.origin,
      'GET',
      `/api/hosted-open-days/${openDay.id}/dashboard`,
      { cookie: world.host.cookie },
    );
    expect(dashboard.status).toBe(200);
    expect(dashboard.body.registrations).toMatchObject({ confirmed: 4, waiting: 0 });
    expect(dashboard.body.feedback).toEqual({
      responses: 3,
      usefulnessCounts: [0, 1, 0, 1, 1],
      usefulnessAverage: 3.67,
      wouldLikeToTalk: 1,
      text: {
        nextStep: ['Brief the director', 'Visit again'],
        whoElse: ['Commissioners', 'Health'],
        whatWouldStop: ['Money'],
      },
    });
    expect(dashboard.body.wouldLikeToTalk.map((entry) => entry.displayName)).toEqual([
      visitors[0]!.displayName,
    ]);
    const offer = await api(
      world.server.origin,
      'POST',
      `/api/hosted-open-days/${openDay.id}/registrations/${dashboard.body.wouldLikeToTalk[0]!.registrationId}/conversation-offer`,
      { cookie: world.host.cookie, body: { message: 'Shall we meet?' } },
    );
    expect(offer.status).toBe(202);
    expect((await world.inbox.nextTo(visitors[0]!.email)).text).toContain('Shall we meet?');
  });

  it('deletes the registrations’ personal data after the after phase, once, with two instances at it', async () => {
    const openDay = await scheduleOpenDay(world);
    const visitor = await registeredVisitor(world, openDay.slug);
    const keeper = await scheduleOpenDay(world);
    const kept = await registeredVisitor(world, keeper.slug);
    await as(visitor.cookie, 'POST', '/api/open-day-pass/questions', { text: 'Who funds it?' });
    await moveOpenDayTo(openDay.id, 'after');
    // Still in the after phase: nothing is deleted yet.
    expect(await deleteEndedOpenDayData({ instance: 'a' })).not.toContain(openDay.id);
    await moveOpenDayTo(openDay.id, 'ended');
    const [first, second] = await Promise.all([
      deleteEndedOpenDayData({ instance: 'a' }),
      deleteEndedOpenDayData({ instance: 'b' }),
    ]);
    // Each open day is done by exactly one of the two.
    expect([...first, ...second].filter((id) => id === openDay.id)).toHaveLength(1);
    expect(new Set([...first, ...second]).size).toBe(first.length + second.length);
    expect(await OpenDayRegistrationModel.countDocuments({ openDayId: openDay.id })).toBe(0);
    expect(await VisitorPassModel.countDocuments({ openDayId: openDay.id })).toBe(0);
    expect(await OpenDayAttendanceModel.countDocuments({ openDayId: openDay.id })).toBe(0);
    const questions = await OpenDayQuestionModel.find({ openDayId: openDay.id }).lean();
    expect(questions.map((question) => [question.text, question.passId])).toEqual([['Who funds it?', null]]);
    expect(await deleteEndedOpenDayData({ instance: 'c' })).not.toContain(openDay.id);
    // Another open day's registrations stay.
    expect(await OpenDayRegistrationModel.countDocuments({ openDayId: keeper.id })).toBe(1);
    expect((await as(kept.cookie, 'GET', '/api/open-day-pass')).status).toBe(200);
    expect((await as(visitor.cookie, 'GET', '/api/open-day-pass')).status).toBe(401);
    const hosted = await api<{ openDay: { personalDataDeletedAt: string | null } }>(
      world.server.origin,
      'GET',
      `/api/hosted-open-days/${openDay.id}`,
      { cookie: world.host.cookie },
    );
    expect(hosted.body.openDay.personalDataDeletedAt).not.toBeNull();
  });

  it('shows the pass its phase and what it allows', async () => {
    const openDay = await scheduleOpenDay(world);
    const visitor = await registeredVisitor(world, openDay.slug);
    const pass = await api<{ pass: OpenDayPass }>(world.server.origin, 'GET', '/api/open-day-pass', {
      cookie: visitor.cookie,
    });
    expect(pass.body.pass.abilities).toEqual({
      readPreRead: true,
      askQuestions: true,
      vote: false,
      enterLiveRoom: false,
      readTakeBack: false,
      giveFeedback: false,
    });
  });
});
