import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOCKET_EVENTS, type Message } from '@common-ground/shared';
import {
  createCommunity,
  createRoom,
  joinCommunityAs,
  registerUser,
  type SignedIn,
} from '../support/factories.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';
import { connectSocket, joinRoom, sendMessage, waitFor, type ClientSocket } from './discussionClient.ts';
import {
  addMessages,
  emptyDiscussion,
  threadsOf,
  type DiscussionState,
} from '../../client/src/discussion/discussionState.ts';

/** A small seeded random generator, so a failing schedule can be replayed from its seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * A reader driven by the app's own discussion state, exactly like the app's client: on every reconnect it joins with
 * `after: state.cursor` and pages through `hasMore`, and feeds live events and pages to `addMessages`. Before any of
 * that de-duplicates, it counts what each connection was given, so a message sent twice shows.
 */
class Reader {
  socket: ClientSocket | null = null;
  state: DiscussionState = emptyDiscussion();
  /** Per connection: how many times each seq arrived live. */
  private live = new Map<number, number>();
  /** Every seq a connection was given live more than once, with its count. */
  readonly liveDuplicates: [number, number][] = [];

  constructor(
    private readonly origin: string,
    private readonly cookie: string,
    private readonly roomId: string,
  ) {}

  private receiveLive(message: Message): void {
    const count = (this.live.get(message.seq) ?? 0) + 1;
    this.live.set(message.seq, count);
    if (count > 1) this.liveDuplicates.push([message.seq, count]);
    this.state = addMessages(this.state, [message]);
  }

  private async page(): Promise<boolean> {
    const after = this.state.cursor;
    const page = await joinRoom(this.socket!, this.roomId, after);
    // The server's promise: a page is the gap-free run straight after the cursor, never anything at or before it.
    expect(page.messages.map((message) => message.seq)).toEqual(page.messages.map((_, i) => after + i + 1));
    this.state = addMessages(this.state, page.messages);
    return page.hasMore;
  }

  async connect(): Promise<void> {
    const socket = await connectSocket(this.origin, this.cookie);
    this.live = new Map();
    socket.on(SOCKET_EVENTS.messageNew, ({ message }) => this.receiveLive(message));
    this.socket = socket;
    while (await this.page());
  }

  async catchUpIfBehind(): Promise<void> {
    if (this.socket && this.state.ahead.size > 0) await this.page();
  }

  drop(): void {
    this.socket?.close();
    this.socket = null;
  }
}

describe('catch-up after reconnecting', () => {
  let server: TestServer;
  let facilitator: SignedIn;
  let posters: SignedIn[];
  let readers: SignedIn[];
  let roomId: string;

  beforeAll(async () => {
    // 150 messages from two people in seconds is far past the per-person limit, which has its own test.
    server = await startTestServer({ DISABLE_RATE_LIMITS: 'true' });
    facilitator = await registerUser(server.origin);
    const community = await createCommunity(server.origin, facilitator);
    roomId = (await createRoom(server.origin, facilitator, community.id)).id;
    posters = [facilitator, await joinCommunityAs(server.origin, facilitator, community.id, 'member')];
    readers = [];
    for (let i = 0; i < 3; i++)
      readers.push(await joinCommunityAs(server.origin, facilitator, community.id, 'observer'));
  });
  afterAll(async () => server?.stop());

  it('gives every reader every message exactly once, in order, under a random drop-and-reconnect schedule', async () => {
    const seed = Date.now() % 100_000;
    const next = random(seed);
    const posterSockets = await Promise.all(
      posters.map((poster) => connectSocket(server.origin, poster.cookie)),
    );
    const clients = readers.map((reader) => new Reader(server.origin, reader.cookie, roomId));
    await Promise.all(clients.map((client) => client.connect()));

    const total = 150;
    let sent = 0;
    const sending = (async () => {
      while (sent < total) {
        const burst = Math.min(total - sent, 1 + Math.floor(next() * 6));
        await Promise.all(
          Array.from({ length: burst }, (_, i) =>
            sendMessage(posterSockets[(sent + i) % posterSockets.length]!, roomId, `m${sent + i}`),
          ),
        );
        sent += burst;
        await new Promise((resolve) => setTimeout(resolve, next() * 15));
      }
    })();
    const chaos = (async () => {
      while (sent < total) {
        const client = clients[Math.floor(next() * clients.length)]!;
        client.drop();
        await new Promise((resolve) => setTimeout(resolve, next() * 80));
        await client.connect();
        await new Promise((resolve) => setTimeout(resolve, next() * 40));
      }
    })();
    await Promise.all([sending, chaos]);
    for (const client of clients) if (!client.socket) await client.connect();
    await waitFor(
      () => clients.every((client) => client.state.cursor >= total),
      10_000,
      `every reader to reach ${total} (seed ${seed})`,
    ).catch(async (error) => {
      await Promise.all(clients.map((client) => client.catchUpIfBehind()));
      if (!clients.every((client) => client.state.cursor >= total)) throw error;
    });

    const expected = Array.from({ length: total }, (_, i) => i + 1);
    for (const client of clients) {
      expect(client.liveDuplicates, `live duplicates (seed ${seed})`).toEqual([]);
      // What the app would show: every message once, in order, with its own body, and nothing left waiting.
      const shown = threadsOf(client.state, null, 0).reverse();
      expect(
        shown.map((thread) => thread.starter.seq),
        `seed ${seed}`,
      ).toEqual(expected);
      expect(new Set(shown.map((thread) => thread.starter.body)).size, `seed ${seed}`).toBe(total);
      expect(client.state.cursor).toBe(total);
      expect(client.state.ahead.size).toBe(0);
    }
    for (const socket of posterSockets) socket.close();
    for (const client of clients) client.drop();
  });

  it('catches up on edits and deletes made while away, through the change feed', async () => {
    const author = await connectSocket(server.origin, posters[1]!.cookie);
    const reader = await connectSocket(server.origin, readers[0]!.cookie);
    const first = await joinRoom(reader, roomId);
    const message = await sendMessage(author, roomId, 'before');
    reader.close();

    await author.emitWithAck(SOCKET_EVENTS.messageEdit, { roomId, messageId: message.id, body: 'after' });
    await author.emitWithAck(SOCKET_EVENTS.threadUpdate, { roomId, threadId: message.id, question: true });

    const back = await connectSocket(server.origin, readers[0]!.cookie);
    const answer = await back.emitWithAck(SOCKET_EVENTS.roomJoin, {
      roomId,
      after: message.seq,
      changesAfter: first.latestChangeSeq,
    });
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    expect(answer.changes).toHaveLength(1);
    expect(answer.changes[0]).toMatchObject({ id: message.id, body: 'after', question: true });
    expect(answer.latestChangeSeq).toBe(first.latestChangeSeq + 2);
    author.close();
    back.close();
  });
});
