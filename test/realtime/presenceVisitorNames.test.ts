import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOCKET_EVENTS, type Presence } from '@common-ground/shared';
import {
  createCommunity,
  createRoom,
  createVisitor,
  joinCommunityAs,
  registerUser,
  type SignedIn,
} from '../support/factories.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';
import { connectSocket, joinRoom, waitFor, type ClientSocket } from './discussionClient.ts';

/** The headcount of open-day visitors: everyone sees how many; only facilitators see the names they gave. */
describe('presence: visitor names for facilitators only', () => {
  let server: TestServer;
  let facilitator: SignedIn;
  let member: SignedIn;
  let roomId: string;
  const sockets: ClientSocket[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    facilitator = await registerUser(server.origin);
    const community = await createCommunity(server.origin, facilitator);
    member = await joinCommunityAs(server.origin, facilitator, community.id, 'member');
    roomId = (await createRoom(server.origin, facilitator, community.id)).id;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await server?.stop();
  });

  async function watch(cookie: string): Promise<Presence[]> {
    const socket = await connectSocket(server.origin, cookie);
    sockets.push(socket);
    const seen: Presence[] = [];
    socket.on(SOCKET_EVENTS.presence, (event) => seen.push(event));
    await joinRoom(socket, roomId);
    return seen;
  }

  it('sends the visitors’ display names to the facilitator and only the count to members and visitors', async () => {
    const host = await watch(facilitator.cookie);
    const other = await watch(member.cookie);
    const visitor = await createVisitor(server.origin, facilitator, roomId, 'Sam from Kent');
    const theirs = await watch(visitor.cookie);
    const withVisitor = (events: Presence[]) => events.at(-1)?.visitors === 1;
    await waitFor(
      () => withVisitor(host) && withVisitor(other) && withVisitor(theirs),
      5000,
      'a visitor counted',
    );
    expect(host.at(-1)!.visitorNames).toEqual(['Sam from Kent']);
    expect(other.at(-1)!.visitorNames).toBeUndefined();
    expect(theirs.at(-1)!.visitorNames).toBeUndefined();
    // Visitors are never listed among the people, for anyone.
    expect(host.at(-1)!.people.map((person) => person.displayName)).not.toContain('Sam from Kent');
  });
});
