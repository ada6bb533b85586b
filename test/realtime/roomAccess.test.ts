import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  can,
  CAPABILITIES,
  ROLES,
  SOCKET_EVENTS,
  type Capability,
  type Message,
  type Role,
} from '@common-ground/shared';
import { MessageModel } from '../../server/src/models/Message.ts';
import { createRoom, roomWithEveryRole } from '../support/factories.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';
import { connectSocket, joinRoom, request, sendMessage, type ClientSocket } from './discussionClient.ts';

type World = Awaited<ReturnType<typeof roomWithEveryRole>>;

/** Capabilities the discussion sockets enforce; each needs a probe below, or this file fails. */
const DISCUSSION_CAPABILITIES = CAPABILITIES.filter(
  (capability) =>
    capability.startsWith('discussion.') || capability === 'question.ask' || capability === 'room.moderate',
);

/** One socket event that needs exactly one capability; resolves with whether the server allowed it. */
type Probe = (world: World, socket: ClientSocket, thread: Message) => Promise<boolean>;

const PROBES: Partial<Record<Capability, Probe>> = {
  'discussion.read': async (world, socket) =>
    (await request(socket, SOCKET_EVENTS.roomJoin, { roomId: world.room.id })).ok,
  'discussion.post': async (world, socket) => {
    const body = `post ${randomUUID()}`;
    const answer = await request(socket, SOCKET_EVENTS.messageSend, {
      roomId: world.room.id,
      body,
      clientMessageId: randomUUID(),
    });
    const stored = await MessageModel.countDocuments({ body });
    expect(stored, 'stored only when allowed').toBe(answer.ok ? 1 : 0);
    if (!answer.ok) expect(answer.error.code).toBe('forbidden');
    return answer.ok;
  },
  'question.ask': async (world, socket, thread) => {
    const answer = await request(socket, SOCKET_EVENTS.threadUpdate, {
      roomId: world.room.id,
      threadId: thread.id,
      question: true,
    });
    if (!answer.ok) expect(answer.error.code).toBe('forbidden');
    return answer.ok;
  },
  'room.moderate': async (world, socket, thread) => {
    const answer = await request(socket, SOCKET_EVENTS.messageHide, {
      roomId: world.room.id,
      messageId: thread.id,
      hidden: false,
    });
    if (!answer.ok) expect(answer.error.code).toBe('forbidden');
    return answer.ok;
  },
};

describe('discussion access for every role', () => {
  let server: TestServer;
  let world: World;
  const sockets: ClientSocket[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    world = await roomWithEveryRole(server.origin);
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await server?.stop();
  });

  async function connect(cookie: string | null) {
    const socket = await connectSocket(server.origin, cookie);
    sockets.push(socket);
    return socket;
  }

  it('has a probe for every discussion capability', () => {
    expect(DISCUSSION_CAPABILITIES.filter((capability) => !PROBES[capability])).toEqual([]);
  });

  for (const role of ROLES) {
    for (const capability of DISCUSSION_CAPABILITIES) {
      it(`${role} ${can(role, capability) ? 'may' : 'may not'} ${capability}`, async () => {
        const socket = await connect(world.cookies[role]);
        const starter = await connect(world.cookies.facilitator);
        // A thread of the caller's own when they can post (marking a question is for its author), else a facilitator's.
        const thread = can(role, 'discussion.post')
          ? await sendMessage(socket, world.room.id, `thread ${randomUUID()}`)
          : await sendMessage(starter, world.room.id, `thread ${randomUUID()}`);
        expect(await PROBES[capability]!(world, socket, thread)).toBe(can(role, capability));
      });
    }
  }

  it('lets every role join and tells each its role', async () => {
    const roles: Role[] = [];
    for (const role of ROLES)
      roles.push((await joinRoom(await connect(world.cookies[role]), world.room.id)).role);
    expect(roles).toEqual([...ROLES]);
  });

  it('keeps visitors to their one room and non-members out, with the same answer as a missing room', async () => {
    const other = await createRoom(server.origin, world.facilitator, world.community.id);
    const visitor = await connect(world.cookies.visitor);
    expect(await request(visitor, SOCKET_EVENTS.roomJoin, { roomId: other.id })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    const outsider = await connect(world.outsider.cookie);
    expect(await request(outsider, SOCKET_EVENTS.roomJoin, { roomId: world.room.id })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await request(outsider, SOCKET_EVENTS.roomJoin, { roomId: 'a'.repeat(24) })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('refuses a connection without a session', async () => {
    await expect(connectSocket(server.origin, null)).rejects.toThrow('unauthenticated');
  });
});
