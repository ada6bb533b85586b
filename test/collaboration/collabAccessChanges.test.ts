import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CLOSE_CODES, COLLAB_MESSAGE } from '@common-ground/shared';
import { DocumentUpdateModel } from '../../server/src/models/DocumentUpdate.ts';
import { removeMember, revokePass, roomWithEveryRole, setRole } from '../support/factories.ts';
import { api } from '../support/http.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';
import {
  appendParagraph,
  connectClient,
  eventually,
  openRaw,
  paragraphs,
  syncFrame,
} from './collabClient.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ DISABLE_RATE_LIMITS: 'true' });
});
afterAll(async () => {
  await server.stop();
});

describe('access changes on open /collab connections', () => {
  it('a member lowered to observer is read-only within a second: their updates are no longer stored or relayed', async () => {
    // A community role decides an open day; a learning set's own roles are tested in test/realtime/learningSetAccess.
    const { room, community, facilitator, member } = await roomWithEveryRole(server.origin, 'open-day');
    const editor = connectClient(server.origin, room.documentId, facilitator.cookie);
    await editor.synced();
    appendParagraph(editor.doc, 'Before the change');
    const raw = await openRaw(server.origin, room.documentId, { cookie: member.cookie });
    raw.send(new Uint8Array([COLLAB_MESSAGE.subscribeSaved]));
    await eventually(() => expect(raw.statuses().at(-1)?.access).toBe('edit'));

    const changed = Date.now();
    await setRole(server.origin, facilitator, community.id, member.user.id, 'observer');
    await eventually(() => expect(raw.statuses().at(-1)?.access).toBe('view'), 1000);
    expect(Date.now() - changed).toBeLessThan(1000);

    await eventually(async () =>
      expect(await DocumentUpdateModel.countDocuments({ documentId: room.documentId })).toBe(1),
    );
    const entries = 1;
    const forged = new Y.Doc();
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(editor.doc));
    const before = Y.encodeStateVector(forged);
    appendParagraph(forged, 'After the change');
    raw.send(syncFrame(2, Y.encodeStateAsUpdate(forged, before)));
    raw.send(new Uint8Array([COLLAB_MESSAGE.subscribeSaved]));
    const statuses = raw.statuses().length;
    await eventually(() => expect(raw.statuses().length).toBeGreaterThan(statuses));
    expect(raw.savedClocks().at(-1)).toBe(0);
    // The write queue is first in, first out: once a later edit is stored, anything accepted before it would be too.
    appendParagraph(editor.doc, 'Later edit');
    await eventually(async () =>
      expect(await DocumentUpdateModel.countDocuments({ documentId: room.documentId })).toBe(entries + 1),
    );
    expect(paragraphs(await server.server.documents.read(room.documentId))).toEqual([
      'Before the change',
      'Later edit',
    ]);
    expect(paragraphs(editor.doc)).toEqual(['Before the change', 'Later edit']);
    raw.ws.close();
    editor.destroy();
  });

  it('a removed member is disconnected with the forbidden close code within a second', async () => {
    const { room, community, facilitator, member } = await roomWithEveryRole(server.origin, 'learning-set');
    const raw = await openRaw(server.origin, room.documentId, { cookie: member.cookie });
    const started = Date.now();
    await removeMember(server.origin, facilitator, community.id, member.user.id);
    expect((await raw.closed).code).toBe(CLOSE_CODES.forbidden);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('a visitor whose pass is revoked is disconnected with the passRevoked close code', async () => {
    const { room, facilitator, visitor } = await roomWithEveryRole(server.origin, 'open-day');
    const raw = await openRaw(server.origin, room.documentId, { cookie: visitor!.cookie });
    const started = Date.now();
    await revokePass(server.origin, facilitator, room.id, visitor!.passId);
    expect((await raw.closed).code).toBe(CLOSE_CODES.passRevoked);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('signing out closes that session’s connections with the unauthenticated close code', async () => {
    const { room, member } = await roomWithEveryRole(server.origin, 'learning-set');
    const raw = await openRaw(server.origin, room.documentId, { cookie: member.cookie });
    const result = await api(server.origin, 'POST', '/api/auth/logout', {
      cookie: member.cookie,
      headers: { origin: server.origin },
    });
    expect(result.status).toBeLessThan(300);
    expect((await raw.closed).code).toBe(CLOSE_CODES.unauthenticated);
  });
});
