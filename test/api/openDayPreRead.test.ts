import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreRead } from '@common-ground/shared';
import { connectClient, eventually, type CollabClient } from '../collaboration/collabClient.ts';
import { createRoom } from '../support/factories.ts';
import { api } from '../support/http.ts';
import {
  registeredVisitor,
  scheduleOpenDay,
  startOpenDayWorld,
  type OpenDayWorld,
} from '../support/openDayWorld.ts';
import { writeJsonContent } from '../support/writeJsonContent.ts';

describe('the pre-read, through a pass', () => {
  let world: OpenDayWorld;
  let client: CollabClient;
  let documentId: string;
  let otherDocumentId: string;
  beforeAll(async () => {
    world = await startOpenDayWorld();
    const room = await createRoom(world.server.origin, world.host, world.communityId, {
      title: 'How Pause works',
    });
    documentId = room.documentId;
    otherDocumentId = (
      await createRoom(world.server.origin, world.host, world.communityId, { title: 'Private' })
    ).documentId;
    client = connectClient(world.server.origin, documentId, world.host.cookie);
    await client.synced();
    client.doc.transact(() =>
      writeJsonContent(client.content, [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'The eighteen months' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Each woman has a practitioner.' }] },
      ]),
    );
    await eventually(async () => {
      const response = await fetch(`${world.server.origin}/api/documents/${documentId}/export?format=html`, {
        headers: { cookie: world.host.cookie },
      });
      expect(await response.text()).toContain('The eighteen months');
    });
  });
  afterAll(async () => {
    client?.destroy();
    await world?.stop();
  });

  it('lists the host’s context and documents, reads them as HTML and downloads them as PDF, and nothing else', async () => {
    const openDay = await scheduleOpenDay(world, {
      preReadDocumentIds: [documentId],
      whatItTook: {
        size: 'Two practitioners, twenty women a year',
        commissioning: 'Jointly by the council and the NHS',
        staffing: '',
        cost: '£200k a year',
        nonNegotiable: 'Eighteen months with each woman',
        doDifferently: '',
      },
    });
    const visitor = await registeredVisitor(world, openDay.slug);
    const preRead = await api<{ preRead: PreRead }>(
      world.server.origin,
      'GET',
      '/api/open-day-pass/pre-read',
      {
        cookie: visitor.cookie,
      },
    );
    expect(preRead.status).toBe(200);
    expect(preRead.body.preRead.documents).toEqual([{ id: documentId, title: 'How Pause works' }]);
    expect(preRead.body.preRead.whatItTook.nonNegotiable).toBe('Eighteen months with each woman');
    expect(preRead.body.preRead.innovation).toBeNull();

    const html = await fetch(`${world.server.origin}/api/open-day-pass/documents/${documentId}?format=html`, {
      headers: { cookie: visitor.cookie },
    });
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await html.text()).toContain('<h2>The eighteen months</h2>');
    const pdf = await fetch(`${world.server.origin}/api/open-day-pass/documents/${documentId}?format=pdf`, {
      headers: { cookie: visitor.cookie },
    });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');

    // A document of the community that is not in the pre-read stays closed to the pass.
    const other = await fetch(
      `${world.server.origin}/api/open-day-pass/documents/${otherDocumentId}?format=html`,
      {
        headers: { cookie: visitor.cookie },
      },
    );
    expect(other.status).toBe(404);
    const direct = await fetch(`${world.server.origin}/api/documents/${documentId}/export?format=html`, {
      headers: { cookie: visitor.cookie },
    });
    expect(direct.status).toBe(404);
  });
});
