import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentVersion, DocumentVersionPreview } from '@common-ground/shared';
import {
  appendParagraph,
  connectClient,
  eventually,
  paragraphs,
  type CollabClient,
} from '../collaboration/collabClient.ts';
import { roomWithEveryRole } from '../support/factories.ts';
import { api } from '../support/http.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';

describe('document versions: name, list, preview, restore', () => {
  let server: TestServer;
  let setup: Awaited<ReturnType<typeof roomWithEveryRole>>;
  let editor: CollabClient;
  let watcher: CollabClient;
  const clients: CollabClient[] = [];
  const path = (suffix = '') => `/api/documents/${setup.room.documentId}/versions${suffix}`;

  const markdownNow = async () =>
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
    setup = await roomWithEveryRole(server.origin, 'learning-set');
    editor = connectClient(server.origin, setup.room.documentId, setup.member.cookie);
    watcher = connectClient(server.origin, setup.room.documentId, setup.observer.cookie);
    clients.push(editor, watcher);
    await Promise.all(clients.map((client) => client.synced()));
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server?.stop();
  });

  it('takes an automatic checkpoint once people edit, and at most one per window', async () => {
    appendParagraph(editor.doc, 'Our vision is same-day help');
    await eventually(async () => expect(await markdownNow()).toContain('Our vision is same-day help'));
    await eventually(async () => {
      const { body } = await api<{ versions: DocumentVersion[] }>(server.origin, 'GET', path(), {
        cookie: setup.observer.cookie,
      });
      expect(body.versions.filter((version) => version.kind === 'automatic')).toHaveLength(1);
    });
    appendParagraph(editor.doc, 'A second thought');
    await eventually(async () => expect(await markdownNow()).toContain('A second thought'));
    const { body } = await api<{ versions: DocumentVersion[] }>(server.origin, 'GET', path(), {
      cookie: setup.observer.cookie,
    });
    expect(body.versions.filter((version) => version.kind === 'automatic')).toHaveLength(1);
    expect(body.versions[0]?.createdBy).toBeNull();
  });

  it('lets a facilitator name a version, lists it newest first, and previews it as escaped HTML and Markdown', async () => {
    appendParagraph(editor.doc, 'Core feature: <script>alert(1)</script>');
    await eventually(async () => expect(await markdownNow()).toContain('Core feature'));
    const created = await api<{ version: DocumentVersion }>(server.origin, 'POST', path(), {
      cookie: setup.facilitator.cookie,
      body: { name: 'Agreed at the March learning set' },
    });
    expect(created.status).toBe(201);
    expect(created.body.version).toMatchObject({
      kind: 'named',
      name: 'Agreed at the March learning set',
      createdBy: { id: setup.facilitator.user.id, displayName: setup.facilitator.user.displayName },
      restoredFromVersionId: null,
    });

    const list = await api<{ versions: DocumentVersion[] }>(server.origin, 'GET', path(), {
      cookie: setup.observer.cookie,
    });
    expect(list.status).toBe(200);
    expect(list.body.versions[0]?.id).toBe(created.body.version.id);

    const preview = await api<DocumentVersionPreview>(
      server.origin,
      'GET',
      path(`/${created.body.version.id}`),
      {
        cookie: setup.observer.cookie,
      },
    );
    expect(preview.status).toBe(200);
    expect(preview.body.html).toContain('<p>Our vision is same-day help</p>');
    expect(preview.body.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(preview.body.html).not.toContain('<script>');
    expect(preview.body.markdown).toContain('Core feature: \\<script\\>alert(1)\\</script\\>');
  });

  it('restores a version as a new change that connected stock clients receive like any edit, recording who restored', async () => {
    const named = (
      await api<{ versions: DocumentVersion[] }>(server.origin, 'GET', path(), {
        cookie: setup.member.cookie,
      })
    ).body.versions.find((version) => version.kind === 'named')!;
    appendParagraph(editor.doc, 'Text written after the version');
    await eventually(async () => expect(await markdownNow()).toContain('Text written after the version'));
    await eventually(() => expect(paragraphs(watcher.doc)).toContain('Text written after the version'));

    const fromServer: unknown[] = [];
    watcher.doc.on('update', (_update: Uint8Array, origin: unknown) => fromServer.push(origin));
    const restored = await api<{ version: DocumentVersion }>(
      server.origin,
      'POST',
      path(`/${named.id}/restore`),
      {
        cookie: setup.member.cookie,
      },
    );
    expect(restored.status).toBe(201);
    expect(restored.body.version).toMatchObject({
      kind: 'restore',
      restoredFromVersionId: named.id,
      createdBy: { id: setup.member.user.id, displayName: setup.member.user.displayName },
    });

    const expected = [
      'Our vision is same-day help',
      'A second thought',
      'Core feature: <script>alert(1)</script>',
    ];
    await eventually(() => expect(paragraphs(watcher.doc)).toEqual(expected));
    await eventually(() => expect(paragraphs(editor.doc)).toEqual(expected));
    // It arrived over the wire as an update, not as a reload: the provider applied it.
    expect(fromServer).toContain(watcher.provider);
    expect(await markdownNow()).not.toContain('Text written after the version');

    // History is kept, not rewritten: the named version and the restore both remain.
    const after = (
      await api<{ versions: DocumentVersion[] }>(server.origin, 'GET', path(), {
        cookie: setup.member.cookie,
      })
    ).body.versions;
    expect(after.map((version) => version.kind)).toEqual(
      expect.arrayContaining(['restore', 'named', 'automatic']),
    );
    expect(after[0]?.id).toBe(restored.body.version.id);
  });

  it('answers 404 for a version of another document and refuses names that are empty or carry unknown fields', async () => {
    const other = await roomWithEveryRole(server.origin, 'learning-set');
    const otherVersion = await api<{ version: DocumentVersion }>(
      server.origin,
      'POST',
      `/api/documents/${other.room.documentId}/versions`,
      {
        cookie: other.facilitator.cookie,
        body: { name: 'Elsewhere' },
      },
    );
    expect(otherVersion.status).toBe(201);
    const crossed = await api(server.origin, 'GET', path(`/${otherVersion.body.version.id}`), {
      cookie: setup.facilitator.cookie,
    });
    expect(crossed.status).toBe(404);
    const empty = await api(server.origin, 'POST', path(), {
      cookie: setup.facilitator.cookie,
      body: { name: '  ' },
    });
    expect(empty.status).toBe(400);
    const extra = await api(server.origin, 'POST', path(), {
      cookie: setup.facilitator.cookie,
      body: { name: 'x', state: 'AAA' },
    });
    expect(extra.status).toBe(400);
  });
});
