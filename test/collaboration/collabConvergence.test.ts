import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addToSet, joinCommunityAs, roomWithEveryRole } from '../support/factories.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';
import { appendParagraph, connectClient, eventually, paragraphs, type CollabClient } from './collabClient.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ DISABLE_RATE_LIMITS: 'true' });
});
afterAll(async () => {
  await server.stop();
});

/** A small seeded generator so a failure can be replayed with the printed seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Edits only plain "note" paragraphs, so the marker paragraphs prove afterwards that no edit was lost. */
function randomEdit(client: CollabClient, next: () => number): void {
  const notes = client.content
    .toArray()
    .filter((node): node is Y.XmlElement => node instanceof Y.XmlElement && !node.toString().includes('['));
  const choice = next();
  if (choice < 0.25 || notes.length === 0) return appendParagraph(client.doc, 'note');
  const text = notes[Math.floor(next() * notes.length)]!.get(0);
  if (!(text instanceof Y.XmlText)) return;
  if (choice < 0.8 || text.length < 4)
    text.insert(Math.floor(next() * (text.length + 1)), ` ${Math.floor(next() * 1000)}`);
  else text.delete(Math.floor(next() * (text.length - 2)), 2);
}

describe('/collab/:documentId under random edits, disconnects and a restart', () => {
  it('converges every client and the stored document, losing no edit', async () => {
    const seed = Number(process.env.COLLAB_SEED ?? Date.now() % 100_000);
    const next = random(seed);
    const { room, community, facilitator, member } = await roomWithEveryRole(server.origin, 'learning-set');
    const another = await joinCommunityAs(server.origin, facilitator, community.id, 'member');
    await addToSet(server.origin, facilitator, room.id, another.user.id, 'member');
    const cookies = [facilitator.cookie, member.cookie, another.cookie, facilitator.cookie, member.cookie];
    const clients = cookies.map((cookie) => connectClient(server.origin, room.documentId, cookie));
    await Promise.all(clients.map((client) => client.synced()));

    const markers: string[] = [];
    for (let step = 0; step < 120; step += 1) {
      const index = Math.floor(next() * clients.length);
      const client = clients[index]!;
      const roll = next();
      if (roll < 0.05 && client.provider.shouldConnect) client.provider.disconnect();
      else if (roll < 0.1 && !client.provider.shouldConnect) client.provider.connect();
      const marker = `[${step}]`;
      markers.push(marker);
      appendParagraph(client.doc, marker);
      randomEdit(client, next);
      if (step === 60) await server.restart();
      if (next() < 0.3) await new Promise((resolve) => setTimeout(resolve, Math.floor(next() * 20)));
    }
    for (const client of clients) if (!client.provider.shouldConnect) client.provider.connect();

    await eventually(async () => {
      const stored = await server.server.documents.read(room.documentId);
      const expected = stored.getXmlFragment('content').toString();
      for (const client of clients) expect(client.content.toString(), `seed ${seed}`).toBe(expected);
      const text = paragraphs(stored).join('\n');
      for (const marker of markers) expect(text, `seed ${seed}`).toContain(marker);
    }, 15_000);
    for (const client of clients) client.destroy();
  }, 60_000);
});
