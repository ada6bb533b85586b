import { readdirSync, readFileSync, statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RATE_LIMITS } from '@common-ground/shared';
import {
  appendParagraph,
  connectClient,
  eventually,
  type CollabClient,
} from '../collaboration/collabClient.ts';
import {
  createCommunity,
  createRoom,
  joinCommunityAs,
  registerUser,
  type SignedIn,
} from '../support/factories.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';

/** Chromium processes printing one of our exports right now: their uid and command line. */
function printingChromiums(): { uid: number; cmdline: string }[] {
  const found: { uid: number; cmdline: string }[] = [];
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
      if (cmdline.includes('chromium') && cmdline.includes('cg-pdf-'))
        found.push({ uid: statSync(`/proc/${pid}`).uid, cmdline });
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}

describe('PDF export cannot be monopolised', () => {
  let server: TestServer;
  let facilitator: SignedIn;
  let communityId: string;
  const clients = new Map<string, CollabClient>();

  const pdf = (documentId: string, who: SignedIn) =>
    fetch(`${server.origin}/api/documents/${documentId}/export?format=pdf`, {
      headers: { cookie: who.cookie },
    });

  /** A new document whose content is `text`, written by the facilitator and stored. */
  async function documentSaying(text: string): Promise<string> {
    const room = await createRoom(server.origin, facilitator, communityId);
    const client = connectClient(server.origin, room.documentId, facilitator.cookie);
    clients.set(room.documentId, client);
    await client.synced();
    appendParagraph(client.doc, text);
    await eventually(async () => {
      const markdown = await fetch(
        `${server.origin}/api/documents/${room.documentId}/export?format=markdown`,
        {
          headers: { cookie: facilitator.cookie },
        },
      );
      expect(await markdown.text()).toContain(text);
    });
    return room.documentId;
  }

  /** Changes a document's content to include `text` and waits until it is stored. */
  async function write(documentId: string, text: string): Promise<void> {
    appendParagraph(clients.get(documentId)!.doc, text);
    await eventually(async () => {
      const markdown = await fetch(`${server.origin}/api/documents/${documentId}/export?format=markdown`, {
        headers: { cookie: facilitator.cookie },
      });
      expect(await markdown.text()).toContain(text);
    });
  }

  beforeAll(async () => {
    server = await startTestServer();
    facilitator = await registerUser(server.origin);
    communityId = (await createCommunity(server.origin, facilitator)).id;
  });
  afterAll(async () => {
    for (const client of clients.values()) client.destroy();
    await server?.stop();
  });

  it('runs Chromium inside its sandbox, never as root and never with --no-sandbox', async () => {
    const member = await joinCommunityAs(server.origin, facilitator, communityId, 'member');
    const documentId = await documentSaying('Sandbox check');
    const seen: { uid: number; cmdline: string }[] = [];
    let printing = true;
    const watch = (async () => {
      while (printing) {
        seen.push(...printingChromiums());
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    const response = await pdf(documentId, member);
    printing = false;
    await watch;
    expect(response.status).toBe(200);
    expect(seen.length).toBeGreaterThan(0);
    for (const process of seen) {
      expect(process.cmdline).not.toContain('--no-sandbox');
      expect(process.uid).not.toBe(0);
    }
  }, 60_000);

  it('limits the PDFs one person may have made, and serves an unchanged document from the cache', async () => {
    const member = await joinCommunityAs(server.origin, facilitator, communityId, 'member');
    const documentId = await documentSaying('Draft 0');
    const { limit } = RATE_LIMITS.pdfExportsPerCaller;
    for (let draft = 1; draft <= limit; draft += 1) {
      await write(documentId, `Draft ${draft}`);
      const response = await pdf(documentId, member);
      expect(response.status).toBe(200);
    }
    const again = await pdf(documentId, member);
    expect(again.status, 'the same state again comes from the cache and does not count').toBe(200);
    expect(
      Buffer.from(await again.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');

    await write(documentId, 'One change too many');
    const refused = await pdf(documentId, member);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('rate_limited');

    const someoneElse = await joinCommunityAs(server.origin, facilitator, communityId, 'observer');
    expect((await pdf(documentId, someoneElse)).status, 'other people still get their PDF').toBe(200);
  }, 120_000);

  it('lets one person have only one PDF in the queue, so others still get theirs', async () => {
    const greedy = await joinCommunityAs(server.origin, facilitator, communityId, 'member');
    const patient = await joinCommunityAs(server.origin, facilitator, communityId, 'member');
    const [first, second, third] = await Promise.all([
      documentSaying('Queue one'),
      documentSaying('Queue two'),
      documentSaying('Queue three'),
    ]);
    const [a, b, c] = await Promise.all([pdf(first!, greedy), pdf(second!, greedy), pdf(third!, patient)]);
    expect([a.status, b.status].sort()).toEqual([200, 429]);
    const refused = a.status === 429 ? a : b;
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(
      /still being made/,
    );
    expect(c.status).toBe(200);
  }, 60_000);
});
