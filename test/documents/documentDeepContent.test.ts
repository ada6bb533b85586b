import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentVersion } from '@common-ground/shared';
import { nestedBlockquotes } from '../collaboration/hostileUpdates.ts';
import { roomWithEveryRole } from '../support/factories.ts';
import { api } from '../support/http.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';

/**
 * A document stored before the collaboration server refused deep nesting: 30,000 blockquotes, written straight into
 * the log. Every path that reads content must answer without recursing through it.
 */
describe('a deeply nested document already stored', () => {
  let server: TestServer;
  let setup: Awaited<ReturnType<typeof roomWithEveryRole>>;
  const documentPath = (suffix: string) => `/api/documents/${setup.room.documentId}${suffix}`;

  beforeAll(async () => {
    server = await startTestServer();
    setup = await roomWithEveryRole(server.origin, 'open-day');
    await server.server.documents.store.append(
      setup.room.documentId,
      1,
      nestedBlockquotes(30_000, 'At the very bottom'),
      1,
    );
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('exports as HTML and Markdown, keeping the deepest text', async () => {
    for (const format of ['html', 'markdown']) {
      const result = await api<string>(server.origin, 'GET', documentPath(`/export?format=${format}`), {
        cookie: setup.observer.cookie,
      });
      expect(result.status).toBe(200);
      expect(result.body).toContain('At the very bottom');
    }
  });

  it('previews a version of it', async () => {
    const created = await api<{ version: DocumentVersion }>(
      server.origin,
      'POST',
      documentPath('/versions'),
      {
        cookie: setup.facilitator.cookie,
        body: { name: 'Deep' },
      },
    );
    expect(created.status).toBe(201);
    const preview = await api<{ html: string; markdown: string }>(
      server.origin,
      'GET',
      documentPath(`/versions/${created.body.version.id}`),
      { cookie: setup.observer.cookie },
    );
    expect(preview.status).toBe(200);
    expect(preview.body.html).toContain('At the very bottom');
    expect(preview.body.markdown).toContain('At the very bottom');
  });

  it('records a visit and lists the changes since it', async () => {
    for (const cookie of [setup.visitor!.cookie, setup.member.cookie]) {
      const visit = await api(server.origin, 'POST', documentPath('/visits'), { cookie });
      expect(visit.status).toBe(200);
      const changes = await api(server.origin, 'GET', documentPath('/changes-since-last-visit'), { cookie });
      expect(changes.status).toBe(200);
    }
  });
});
