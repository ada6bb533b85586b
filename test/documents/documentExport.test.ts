import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeJsonContent } from '../support/writeJsonContent.ts';
import { connectClient, eventually, type CollabClient } from '../collaboration/collabClient.ts';
import { createCommunity, createRoom, joinCommunityAs, registerUser } from '../support/factories.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';

describe('GET /api/documents/:id/export', () => {
  let server: TestServer;
  let client: CollabClient;
  let documentId: string;
  let observerCookie: string;

  const fetchExport = (format: string, cookie = observerCookie) =>
    fetch(`${server.origin}/api/documents/${documentId}/export?format=${format}`, { headers: { cookie } });

  beforeAll(async () => {
    server = await startTestServer();
    const facilitator = await registerUser(server.origin);
    const community = await createCommunity(server.origin, facilitator);
    const room = await createRoom(server.origin, facilitator, community.id, {
      title: 'March notes: Leeds & York <b>',
    });
    documentId = room.documentId;
    observerCookie = (await joinCommunityAs(server.origin, facilitator, community.id, 'observer')).cookie;
    client = connectClient(server.origin, documentId, facilitator.cookie);
    await client.synced();
    client.doc.transact(() =>
      writeJsonContent(client.content, [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'What we heard' }] },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Relationships ' },
            { type: 'text', text: 'first', marks: [{ type: 'bold' }] },
            { type: 'text', text: ' <script>alert(1)</script> ' },
            {
              type: 'text',
              text: 'report',
              marks: [{ type: 'link', attrs: { href: 'https://example.org/report' } }],
            },
            {
              type: 'text',
              text: ' trap',
              marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }],
            },
          ],
        },
        {
          type: 'taskList',
          content: [
            {
              type: 'taskItem',
              attrs: { checked: true },
              content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Share the pre-read' }] }],
            },
          ],
        },
      ]),
    );
    await eventually(async () =>
      expect(await (await fetchExport('markdown')).text()).toContain('Share the pre-read'),
    );
  });
  afterAll(async () => {
    client?.destroy();
    await server?.stop();
  });

  it('exports Markdown as a download named after the room, with the content escaped', async () => {
    const response = await fetchExport('markdown');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="march-notes-leeds-york-b.md"',
    );
    expect(await response.text()).toBe(
      '## What we heard\n\nRelationships **first** \\<script\\>alert(1)\\</script\\> [report](https://example.org/report) trap\n\n- [x] Share the pre-read\n',
    );
  });

  it('exports a standalone HTML page with escaped text, no scripts and no javascript: links', async () => {
    const response = await fetchExport('html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="march-notes-leeds-york-b.html"',
    );
    const html = await response.text();
    expect(html).toContain('<title>March notes: Leeds &amp; York &lt;b&gt;</title>');
    expect(html).toContain('<h2>What we heard</h2>');
    expect(html).toContain(
      '<strong>first</strong> &lt;script&gt;alert(1)&lt;/script&gt; <a href="https://example.org/report"',
    );
    expect(html).not.toMatch(/<script/i);
    expect(html.toLowerCase()).not.toContain('javascript:');
  });

  it('refuses an unknown format and extra query fields', async () => {
    expect((await fetchExport('docx')).status).toBe(400);
    const extra = await fetch(`${server.origin}/api/documents/${documentId}/export?format=html&x=1`, {
      headers: { cookie: observerCookie },
    });
    expect(extra.status).toBe(400);
  });

  it('exports a PDF made by headless Chromium', async () => {
    const response = await fetchExport('pdf');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="march-notes-leeds-york-b.pdf"',
    );
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  }, 40_000);
});
