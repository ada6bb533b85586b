import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOSE_CODES } from '@common-ground/shared';
import { SessionModel } from '../../server/src/models/Session.ts';
import { VisitorPassModel } from '../../server/src/models/VisitorPass.ts';
import { hashToken } from '../../server/src/auth/tokens.ts';
import { connectClient } from '../collaboration/collabClient.ts';
import { roomWithEveryRole } from '../support/factories.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';
import { connectSocket, joinRoom, waitFor } from './discussionClient.ts';

const sessionIdOf = (cookie: string) => hashToken(cookie.split('=')[1] ?? '');

/** Sessions and passes that simply run out publish no event; open sockets must still close. */
describe('open connections when a session or pass expires', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ SESSION_RECHECK_SECONDS: '1', DISABLE_RATE_LIMITS: 'true' });
  });
  afterAll(async () => server?.stop());

  it('closes a member’s document and discussion sockets once their session has idled out', async () => {
    const { room, member } = await roomWithEveryRole(server.origin, 'learning-set');
    const editor = connectClient(server.origin, room.documentId, member.cookie);
    await editor.synced();
    const closes: number[] = [];
    editor.provider.on('connection-close', (event) => closes.push(event?.code ?? 0));
    const socket = await connectSocket(server.origin, member.cookie);
    await joinRoom(socket, room.id);
    let disconnected = false;
    socket.on('disconnect', () => (disconnected = true));

    await SessionModel.updateOne(
      { _id: sessionIdOf(member.cookie) },
      { $set: { idleExpiresAt: new Date(Date.now() - 1000) } },
    );

    await waitFor(
      () => disconnected && closes.includes(CLOSE_CODES.unauthenticated),
      5000,
      'both sockets closed',
    );
    expect(await SessionModel.countDocuments({ _id: sessionIdOf(member.cookie) })).toBe(0);
    editor.destroy();
    socket.close();
  });

  it('closes a visitor’s sockets with the pass-revoked code once the pass has expired', async () => {
    const { room, visitor } = await roomWithEveryRole(server.origin, 'open-day');
    if (!visitor) throw new Error('open-day rooms have a visitor');
    const watcher = connectClient(server.origin, room.documentId, visitor.cookie);
    await watcher.synced();
    const closes: number[] = [];
    watcher.provider.on('connection-close', (event) => closes.push(event?.code ?? 0));
    const socket = await connectSocket(server.origin, visitor.cookie);
    await joinRoom(socket, room.id);
    let disconnected = false;
    socket.on('disconnect', () => (disconnected = true));

    await VisitorPassModel.updateOne(
      { _id: visitor.passId },
      { $set: { expiresAt: new Date(Date.now() - 1000) } },
    );

    await waitFor(
      () => disconnected && closes.includes(CLOSE_CODES.passRevoked),
      5000,
      'both sockets closed',
    );
    watcher.destroy();
    socket.close();
  });
});
