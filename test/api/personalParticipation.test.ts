import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORMER_MEMBER_NAME, REFLECTION_ANONYMITY } from '@common-ground/shared';
import { MailPreferenceModel } from '../../server/src/models/MailPreference.ts';
import { MeetingActionModel } from '../../server/src/models/MeetingAction.ts';
import { MeetingBidModel } from '../../server/src/models/MeetingBid.ts';
import { ReflectionModel } from '../../server/src/models/Reflection.ts';
import { registerUser, type SignedIn } from '../support/factories.ts';
import { api } from '../support/http.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';

// Export and erasure reach what came with meetings, partnerships and email choices, not only the older records.
describe('export and erasure of meetings, reflections and email choices', () => {
  let server: TestServer;
  let person: SignedIn;
  const roomId = new Types.ObjectId();
  const meetingId = new Types.ObjectId();

  beforeAll(async () => {
    server = await startTestServer({ DISABLE_RATE_LIMITS: 'true' });
    person = await registerUser(server.origin, { displayName: 'Pat Presenter' });
    const userId = person.user.id;
    // The records as the meeting and partnership commands store them (those commands are tested on their own).
    await MeetingBidModel.create({ meetingId, roomId, userId, minutes: 15, topic: 'Drop-in hours' });
    await MeetingActionModel.create({ meetingId, roomId, ownerId: userId, text: 'Talk to the duty manager' });
    await ReflectionModel.create({
      roomId,
      communityId: new Types.ObjectId(),
      authorId: userId,
      authorName: 'Pat Presenter',
      hoped: 'More referrals',
      happened: 'Fewer referrals',
      madeSense: 'Waiting lists',
      learned: 'Ask earlier',
      doDifferently: 'Ask earlier',
      anonymity: REFLECTION_ANONYMITY[0],
    });
    const preferences = await api(server.origin, 'PATCH', '/api/me/preferences', {
      cookie: person.cookie,
      body: { digest: 'daily' },
    });
    expect(preferences.status).toBe(200);
  });
  afterAll(async () => server?.stop());

  it('exports them', async () => {
    const response = await fetch(`${server.origin}/api/me/export`, { headers: { cookie: person.cookie } });
    expect(response.status).toBe(200);
    const data = (await response.json()) as {
      emailChoices: { digest: string };
      meetings: { bids: { topic: string }[]; actions: { text: string }[] };
      partnershipReflections: { learned: string }[];
    };
    expect(data.emailChoices.digest).toBe('daily');
    expect(data.meetings.bids.map((bid) => bid.topic)).toEqual(['Drop-in hours']);
    expect(data.meetings.actions.map((action) => action.text)).toEqual(['Talk to the duty manager']);
    expect(data.partnershipReflections.map((reflection) => reflection.learned)).toEqual(['Ask earlier']);
  });

  it('erases them: own records go, a reflection keeps its words under "Former member"', async () => {
    const erased = await api(server.origin, 'POST', '/api/me/delete', {
      cookie: person.cookie,
      body: { password: person.password, messages: 'keep' },
    });
    expect(erased.status).toBe(204);
    const userId = person.user.id;
    expect(await MeetingBidModel.countDocuments({ userId })).toBe(0);
    expect(await MeetingActionModel.countDocuments({ ownerId: userId })).toBe(0);
    expect(await MailPreferenceModel.countDocuments({ userId })).toBe(0);
    const reflection = await ReflectionModel.findOne({ authorId: userId }).lean();
    expect(reflection?.authorName).toBe(FORMER_MEMBER_NAME);
    expect(reflection?.learned).toBe('Ask earlier');
  });
});
