import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Room } from '@common-ground/shared';
import { ensureSetRoster } from '../../server/src/commands/learningSets/setRoster.ts';
import { LearningDocumentModel } from '../../server/src/models/LearningDocument.ts';
import { RoomModel } from '../../server/src/models/Room.ts';
import { SetMemberModel } from '../../server/src/models/SetMember.ts';
import { SetRosterModel } from '../../server/src/models/SetRoster.ts';
import { createCommunity, joinCommunityAs, registerUser } from '../support/factories.ts';
import { api } from '../support/http.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ DISABLE_RATE_LIMITS: 'true' });
});
afterAll(async () => server?.stop());

/** A learning set stored as it was before sets had their own people: a room and its document, no list. */
async function legacySet(communityId: string, createdBy: string) {
  const roomId = new Types.ObjectId();
  const documentId = new Types.ObjectId();
  await LearningDocumentModel.create({ _id: documentId, roomId, communityId, title: 'Legacy set' });
  await RoomModel.create({
    _id: roomId,
    communityId,
    kind: 'learning-set',
    title: 'Legacy set',
    documentId,
    createdBy,
  });
  return { id: String(roomId), documentId: String(documentId) };
}

describe('learning sets made before sets had their own people', () => {
  it('keep everyone who could see them, with their roles, and nobody who joins the community later', async () => {
    const lead = await registerUser(server.origin);
    const community = await createCommunity(server.origin, lead);
    const member = await joinCommunityAs(server.origin, lead, community.id, 'member');
    const observer = await joinCommunityAs(server.origin, lead, community.id, 'observer');
    const set = await legacySet(community.id, lead.user.id);

    // Several instances reach the set at once: every one of them settles on the same list.
    await Promise.all([
      ensureSetRoster({ _id: new Types.ObjectId(set.id), communityId: new Types.ObjectId(community.id) }),
      ensureSetRoster({ _id: new Types.ObjectId(set.id), communityId: new Types.ObjectId(community.id) }),
      api(server.origin, 'GET', `/api/rooms/${set.id}`, { cookie: member.cookie }),
    ]);
    const roleOf = async (cookie: string) =>
      (await api<{ room: Room }>(server.origin, 'GET', `/api/rooms/${set.id}`, { cookie })).body.room?.role;
    expect(await roleOf(lead.cookie)).toBe('facilitator');
    expect(await roleOf(member.cookie)).toBe('member');
    expect(await roleOf(observer.cookie)).toBe('observer');
    expect(await SetMemberModel.countDocuments({ roomId: set.id })).toBe(3);

    const later = await joinCommunityAs(server.origin, lead, community.id, 'member');
    expect((await api(server.origin, 'GET', `/api/rooms/${set.id}`, { cookie: later.cookie })).status).toBe(
      404,
    );

    // Its facilitators prune the list; a backfill running late or again does not bring anyone back.
    const removed = await api(server.origin, 'DELETE', `/api/rooms/${set.id}/members/${observer.user.id}`, {
      cookie: lead.cookie,
    });
    expect(removed.status).toBe(204);
    await SetRosterModel.updateOne({ roomId: set.id }, { $set: { backfilledAt: null } });
    await ensureSetRoster({ _id: new Types.ObjectId(set.id), communityId: new Types.ObjectId(community.id) });
    expect(
      (await api(server.origin, 'GET', `/api/rooms/${set.id}`, { cookie: observer.cookie })).status,
    ).toBe(404);
    expect((await api(server.origin, 'GET', `/api/rooms/${set.id}`, { cookie: later.cookie })).status).toBe(
      404,
    );
    expect(await SetMemberModel.countDocuments({ roomId: set.id, removedAt: null })).toBe(2);
  });

  it('leave a new set to its creator alone', async () => {
    const lead = await registerUser(server.origin);
    const community = await createCommunity(server.origin, lead);
    const member = await joinCommunityAs(server.origin, lead, community.id, 'member');
    const created = await api<{ room: Room }>(
      server.origin,
      'POST',
      `/api/communities/${community.id}/rooms`,
      {
        cookie: member.cookie,
        body: { title: 'New set', kind: 'learning-set' },
      },
    );
    expect(created.body.room.role).toBe('facilitator');
    expect(
      (await api(server.origin, 'GET', `/api/rooms/${created.body.room.id}`, { cookie: lead.cookie })).status,
    ).toBe(404);
  });
});
