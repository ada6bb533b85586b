import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eraseEndedVisitorNames } from '../../server/src/jobs/visitorNameEraser.ts';
import {
  createCommunity,
  createRoom,
  createVisitor,
  registerUser,
  revokePass,
  type SignedIn,
} from '../support/factories.ts';
import { api } from '../support/http.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';

/** The collections whose stored documents mention `text` anywhere. */
async function collectionsMentioning(text: string): Promise<string[]> {
  const db = mongoose.connection.db!;
  const found: string[] = [];
  for (const { name } of await db.listCollections().toArray()) {
    const documents = await db.collection(name).find({}).toArray();
    if (documents.some((document) => JSON.stringify(document).includes(text))) found.push(name);
  }
  return found;
}

describe('visitor names are erased when their pass ends', () => {
  let server: TestServer;
  let facilitator: SignedIn;
  let roomId: string;

  beforeAll(async () => {
    server = await startTestServer();
    facilitator = await registerUser(server.origin);
    const community = await createCommunity(server.origin, facilitator);
    roomId = (await createRoom(server.origin, facilitator, community.id)).id;
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('erases a revoked pass’s names once, however many instances sweep at the same time', async () => {
    const revoked = await createVisitor(server.origin, facilitator, roomId, 'Vera Revoked');
    const current = await createVisitor(server.origin, facilitator, roomId, 'Carl Current');
    expect(await collectionsMentioning('Vera Revoked')).not.toEqual([]);
    await revokePass(server.origin, facilitator, roomId, revoked.passId);

    const counts = await Promise.all([
      eraseEndedVisitorNames(),
      eraseEndedVisitorNames(),
      eraseEndedVisitorNames(),
    ]);
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(1);
    expect(await collectionsMentioning('Vera Revoked')).toEqual([]);

    // A pass that has not ended keeps its visitor's name and session.
    expect(await collectionsMentioning('Carl Current')).not.toEqual([]);
    const session = await api<{ visitor?: { displayName: string } }>(server.origin, 'GET', '/api/session', {
      cookie: current.cookie,
    });
    expect(JSON.stringify(session.body)).toContain('Carl Current');
    expect(await eraseEndedVisitorNames(), 'nothing left to do').toBe(0);
  });

  it('erases an expired pass’s names after it expires', async () => {
    await createVisitor(server.origin, facilitator, roomId, 'Eve Expiring');
    expect(await eraseEndedVisitorNames()).toBe(0);
    expect(await collectionsMentioning('Eve Expiring')).not.toEqual([]);
    const afterExpiry = new Date(Date.now() + 2 * 24 * 3600_000);
    // Carl's pass also expires by then: both passes' names go.
    expect(await eraseEndedVisitorNames(afterExpiry)).toBe(2);
    expect(await collectionsMentioning('Eve Expiring')).toEqual([]);
    expect(await collectionsMentioning('Carl Current')).toEqual([]);
  });
});
