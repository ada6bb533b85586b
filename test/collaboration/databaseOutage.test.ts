import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { COLLAB_MESSAGE, SOCKET_EVENTS } from '@common-ground/shared';
import { startLocalDatabase, type LocalDatabase } from '../../server/src/database/localDatabase.ts';
import { connectSocket, joinRoom, request, type ClientSocket } from '../realtime/discussionClient.ts';
import { createCommunity, createRoom, registerUser, type SignedIn } from '../support/factories.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';
import { appendParagraph, eventually, openRaw, syncFrame, type RawSocket } from './collabClient.ts';

/**
 * A database outage, on a database process of this file's own: SIGSTOP makes it hang (connections stay open, nothing
 * answers), stopping it makes it refuse.
 */
describe('during a database outage', { timeout: 60_000 }, () => {
  let dataDir: string;
  let database: LocalDatabase;
  let server: TestServer;
  let facilitator: SignedIn;
  let communityId: string;
  let roomId: string;
  let socket: ClientSocket;
  let author: RawSocket;

  const send = (body: string, clientMessageId: string) =>
    request<{ message: { body: string } }>(socket, SOCKET_EVENTS.messageSend, {
      roomId,
      body,
      clientMessageId,
    });

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'cg-outage-db-'));
    database = await startLocalDatabase({ dataDir, logger: pino({ level: 'silent' }) });
    const uri = new URL(database.uri);
    uri.pathname = '/outage';
    server = await startTestServer({ DISABLE_RATE_LIMITS: 'true' }, { databaseUri: uri.toString() });
    facilitator = await registerUser(server.origin);
    communityId = (await createCommunity(server.origin, facilitator)).id;
    const room = await createRoom(server.origin, facilitator, communityId);
    roomId = room.id;
    socket = await connectSocket(server.origin, facilitator.cookie);
    await joinRoom(socket, roomId);
    author = await openRaw(server.origin, room.documentId, { cookie: facilitator.cookie });
    author.send(new Uint8Array([COLLAB_MESSAGE.subscribeSaved]));
    await eventually(() => expect(author.statuses().at(-1)?.storage).toBe('ok'));
  });
  afterAll(async () => {
    try {
      if (database?.pid) process.kill(database.pid, 'SIGCONT');
    } catch {
      // Already stopped by the last test.
    }
    socket?.close();
    author?.ws.close();
    await server?.stop();
    await database?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows storage-retrying and answers sends with unavailable while the database hangs, then recovers', async () => {
    expect(database.pid).toBeTruthy();
    process.kill(database.pid!, 'SIGSTOP');
    try {
      const local = new Y.Doc();
      appendParagraph(local, 'Written while the database hangs');
      author.send(syncFrame(2, Y.encodeStateAsUpdate(local)));
      await eventually(() => expect(author.statuses().at(-1)?.storage).toBe('storage-retrying'), 10_000);

      const answer = await send('Sent while the database hangs', 'while-hanging-1');
      expect(answer.ok).toBe(false);
      if (answer.ok) return;
      expect(answer.error.code).toBe('unavailable');
      expect(answer.error.details?.retryAfterSeconds).toBeGreaterThan(0);
    } finally {
      process.kill(database.pid!, 'SIGCONT');
    }
    await eventually(() => expect(author.statuses().at(-1)?.storage).toBe('ok'), 20_000);
    await eventually(() => expect(author.savedClocks().at(-1)).toBeGreaterThan(0), 20_000);
    const retried = await send('Sent while the database hangs', 'while-hanging-1');
    expect(retried.ok).toBe(true);
  });

  it('answers HTTP with 503 unavailable and a Retry-After, and sockets with unavailable, while it refuses', async () => {
    await database.stop();
    const response = await fetch(`${server.origin}/api/communities/${communityId}`, {
      headers: { cookie: facilitator.cookie },
    });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('unavailable');

    const answer = await send('Sent while the database is down', 'while-down-1');
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.error.code).toBe('unavailable');
  });
});
