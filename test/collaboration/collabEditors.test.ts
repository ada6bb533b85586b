import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocumentUpdateModel } from '../../server/src/models/DocumentUpdate.ts';
import { roomWithEveryRole } from '../support/factories.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';
import { appendParagraph, connectClient, eventually, paragraphs } from './collabClient.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ DISABLE_RATE_LIMITS: 'true' });
});
afterAll(async () => {
  await server.stop();
});

describe('/collab/:documentId with two editors', () => {
  it('relays each edit to the other editor and stores it', async () => {
    const { room, facilitator, member } = await roomWithEveryRole(server.origin, 'learning-set');
    const first = connectClient(server.origin, room.documentId, facilitator.cookie);
    const second = connectClient(server.origin, room.documentId, member.cookie);
    await Promise.all([first.synced(), second.synced()]);

    appendParagraph(first.doc, 'From the facilitator');
    appendParagraph(second.doc, 'From the member');
    await eventually(() => {
      expect(paragraphs(first.doc).sort()).toEqual(['From the facilitator', 'From the member']);
      expect(paragraphs(second.doc)).toEqual(paragraphs(first.doc));
    });
    expect(await DocumentUpdateModel.countDocuments({ documentId: room.documentId })).toBeGreaterThan(0);
    const stored = await server.server.documents.read(room.documentId);
    expect(paragraphs(stored)).toEqual(paragraphs(first.doc));
    first.destroy();
    second.destroy();
  });
});
