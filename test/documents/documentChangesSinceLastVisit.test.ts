import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentChanges } from '@common-ground/shared';
import { writeJsonContent } from '../support/writeJsonContent.ts';
import { connectClient, eventually, type CollabClient } from '../collaboration/collabClient.ts';
import { roomWithEveryRole } from '../support/factories.ts';
import { api } from '../support/http.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';

const heading = (text: string) => ({
  type: 'heading',
  attrs: { level: 2 },
  content: [{ type: 'text', text }],
});
const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

describe('GET /api/documents/:id/changes-since-last-visit', () => {
  let server: TestServer;
  let setup: Awaited<ReturnType<typeof roomWithEveryRole>>;
  let editor: CollabClient;

  const changesFor = async (cookie: string) =>
    (
      await api<DocumentChanges>(
        server.origin,
        'GET',
        `/api/documents/${setup.room.documentId}/changes-since-last-visit`,
        { cookie },
      )
    ).body;
  const visit = async (cookie: string) => {
    const result = await api<{ visitedAt: string }>(
      server.origin,
      'POST',
      `/api/documents/${setup.room.documentId}/visits`,
      { cookie },
    );
    expect(result.status).toBe(200);
    return result.body.visitedAt;
  };
  const exported = async () =>
    (
      await api<string>(
        server.origin,
        'GET',
        `/api/documents/${setup.room.documentId}/export?format=markdown`,
        { cookie: setup.member.cookie },
      )
    ).body;

  beforeAll(async () => {
    server = await startTestServer();
    setup = await roomWithEveryRole(server.origin, 'open-day');
    editor = connectClient(server.origin, setup.room.documentId, setup.member.cookie);
    await editor.synced();
    editor.doc.transact(() =>
      writeJsonContent(editor.content, [
        heading('Vision'),
        paragraph('Same-day help'),
        heading('Evidence'),
        paragraph('Early figures'),
      ]),
    );
    await eventually(async () => expect(await exported()).toContain('Early figures'));
  });
  afterAll(async () => {
    editor?.destroy();
    await server?.stop();
  });

  it('lists nothing on a first visit', async () => {
    expect(await changesFor(setup.observer.cookie)).toEqual({
      lastVisitAt: null,
      changed: false,
      sections: [],
    });
  });

  it('reports no change when nothing changed since the visit', async () => {
    const visitedAt = await visit(setup.observer.cookie);
    expect(await changesFor(setup.observer.cookie)).toEqual({
      lastVisitAt: visitedAt,
      changed: false,
      sections: [],
    });
  });

  it('summarises the sections others changed since the visit, per person (visitors included)', async () => {
    await visit(setup.visitor!.cookie);
    editor.doc.transact(() => {
      editor.content.delete(3, 1);
      writeJsonContent(editor.content, [
        paragraph('Independent evaluation, 2024'),
        heading('What did not work'),
        paragraph('Evening sessions'),
      ]);
    });
    await eventually(async () => expect(await exported()).toContain('Evening sessions'));

    for (const cookie of [setup.observer.cookie, setup.visitor!.cookie]) {
      const changes = await changesFor(cookie);
      expect(changes.changed).toBe(true);
      expect(changes.sections).toEqual([
        {
          heading: 'Evidence',
          change: 'changed',
          added: ['Independent evaluation, 2024'],
          removed: ['Early figures'],
        },
        { heading: 'What did not work', change: 'added', added: ['Evening sessions'], removed: [] },
      ]);
    }
    // The facilitator never visited: a first visit lists nothing rather than the whole document.
    expect((await changesFor(setup.facilitator.cookie)).changed).toBe(false);

    await visit(setup.observer.cookie);
    expect((await changesFor(setup.observer.cookie)).changed).toBe(false);
  });
});
