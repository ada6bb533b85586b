import { afterAll, beforeAll } from 'vitest';
import {
  remainingSeconds,
  SOCKET_EVENTS,
  type Meeting,
  type MeetingAction,
  type MeetingBid,
  type MeetingStateEvent,
} from '@common-ground/shared';
import { api } from '../support/http.ts';
import { joinMeeting, meetingWorld } from '../support/meetingWorld.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';
import { connectSocket, type ClientSocket } from './discussionClient.ts';

type World = Awaited<ReturnType<typeof meetingWorld>>;

/**
 * A server and a learning set with its people for a file of meeting socket tests (started before its tests, stopped
 * after), with the calls those tests share: joining a meeting, connecting, reading it over HTTP and the clock as a
 * client computes it. Every socket opened through it is closed at the end.
 */
export function meetingSockets() {
  let server: TestServer;
  let world: World;
  const sockets: ClientSocket[] = [];
  beforeAll(async () => {
    server = await startTestServer({ DISABLE_RATE_LIMITS: 'true' });
    world = await meetingWorld(server.origin);
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await server?.stop();
  });

  return {
    get server() {
      return server;
    },
    get world() {
      return world;
    },
    join: async (cookie: string, meetingId: string) => {
      const joined = await joinMeeting(server.origin, cookie, meetingId);
      sockets.push(joined.socket);
      return joined;
    },
    connect: async (cookie: string) => {
      const socket = await connectSocket(server.origin, cookie);
      sockets.push(socket);
      return socket;
    },
    readMeeting: async (meetingId: string) =>
      (
        await api<{ meeting: Meeting; bids: MeetingBid[]; actions: MeetingAction[] }>(
          server.origin,
          'GET',
          `/api/meetings/${meetingId}`,
          { cookie: world.setFacilitator.cookie },
        )
      ).body,
    /** The next `meeting:state` this socket hears. */
    nextState: (socket: ClientSocket) =>
      new Promise<MeetingStateEvent>((resolve) => socket.once(SOCKET_EVENTS.meetingState, resolve)),
    /** Seconds left as a client computes them: the server's remaining time at `now`, plus what passed locally since. */
    clientRemaining: (meeting: Meeting, now: string, receivedAt: number) =>
      remainingSeconds(meeting.timer, Date.parse(now) + (Date.now() - receivedAt)),
  };
}
