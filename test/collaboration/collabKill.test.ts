import { afterAll, describe, expect, it } from 'vitest';
import mongoose from 'mongoose';
import { pino } from 'pino';
import * as Y from 'yjs';
import { DocumentStore } from '../../server/src/collaboration/DocumentStore.ts';
import { connectDatabase } from '../../server/src/database/connectDatabase.ts';
import { addToSet, joinCommunityAs, roomWithEveryRole } from '../support/factories.ts';

import { testDatabaseUri } from '../support/testDatabase.ts';
import { connectClient, eventually, type CollabClient } from './collabClient.ts';
import { spawnServer } from '../support/serverProcess.ts';

const uri = testDatabaseUri();
let server: ReturnType<typeof spawnServer> | null = null;
afterAll(async () => {
  if (server && server.child.exitCode === null && server.child.signalCode === null) {
    server.child.kill('SIGKILL');
    await server.exited;
  }
  await mongoose.connection.db?.dropDatabase().catch(() => undefined);
  await mongoose.disconnect();
});

function start(port: number) {
  return spawnServer({
    MONGODB_URI: uri,
    PORT: String(port),
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    DISABLE_RATE_LIMITS: 'true',
    // These clients type far faster than people do; the per-connection update rate is not what this test is about.
    COLLAB_UPDATES_PER_SECOND: '2000',
    COLLAB_UPDATE_BURST: '2000',
    // Each write waits, so at the kill there are always received updates not yet sent to the database.
    COLLAB_TEST_WRITE_DELAY_MS: '40',
  });
}

/** Types one character every few milliseconds into the client's own line. */
function startTyping(client: CollabClient, name: string): () => void {
  const text = client.doc.getText(`line-${name}`);
  let count = 0;
  const timer = setInterval(() => text.insert(text.length, String(count++ % 10)), 3);
  return () => clearInterval(timer);
}

function clocks(doc: Y.Doc): Map<number, number> {
  return Y.decodeStateVector(Y.encodeStateVector(doc));
}

describe('/collab/:documentId after kill -9', () => {
  it('keeps every edit another client had seen, and gets authors’ unsaved edits back on reconnect', async () => {
    server = start(0);
    const port = await server.listening();
    const origin = `http://127.0.0.1:${port}`;
    await connectDatabase(uri, { timeoutMs: 10_000, logger: pino({ level: 'silent' }) });
    const { room, community, facilitator, member } = await roomWithEveryRole(origin, 'learning-set');
    const third = await joinCommunityAs(origin, facilitator, community.id, 'member');
    await addToSet(origin, facilitator, room.id, third.user.id, 'member');
    const cookies = [facilitator.cookie, member.cookie, third.cookie, facilitator.cookie];
    const clients = cookies.map((cookie) => connectClient(origin, room.documentId, cookie));
    await Promise.all(clients.map((client) => client.synced()));

    const stops = clients.map((client, index) => startTyping(client, String(index)));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    server.child.kill('SIGKILL');
    stops.forEach((stop) => stop());
    await server.exited;
    const seenAtKill = clients.map((client) => clocks(client.doc));

    const stored = clocks((await new DocumentStore().load(room.documentId)).doc);
    let seenByOthers = 0;
    clients.forEach((client, index) => {
      for (const [author, clock] of seenAtKill[index]!) {
        if (author === client.doc.clientID) continue;
        seenByOthers += clock;
        expect(
          stored.get(author) ?? 0,
          `client ${index} saw ${author} up to ${clock}`,
        ).toBeGreaterThanOrEqual(clock);
      }
    });
    expect(seenByOthers).toBeGreaterThan(100);

    server = start(port);
    await server.listening();
    await eventually(async () => {
      const after = clocks((await new DocumentStore().load(room.documentId)).doc);
      for (const client of clients)
        expect(after.get(client.doc.clientID)).toBe(clocks(client.doc).get(client.doc.clientID));
      const expected = Y.encodeStateVector(clients[0]!.doc);
      for (const client of clients) expect(Y.encodeStateVector(client.doc)).toEqual(expected);
    }, 20_000);
    for (const client of clients) client.destroy();
    server.child.kill('SIGTERM');
    await server.exited;
  }, 60_000);
});
