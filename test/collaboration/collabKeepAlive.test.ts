import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roomWithEveryRole } from '../support/factories.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';
import { connectClient, openRaw } from './collabClient.ts';

const QUIET_MS = 300;
/** An awareness message (type 1) carrying an update about nobody (length 1, count 0). */
const NOTHING_CHANGED = [1, 1, 0];

describe('quiet /collab sockets are kept alive for stock clients', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ COLLAB_KEEPALIVE_MS: String(QUIET_MS) });
  });
  afterAll(async () => server?.stop());

  it('sends a watcher who hears nothing else a no-op before the quiet time runs out, again and again', async () => {
    const { room, cookies } = await roomWithEveryRole(server.origin, 'open-day');
    const watcher = await openRaw(server.origin, room.documentId, { cookie: cookies.visitor! });
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS * 6));
    const noOps = watcher.received.filter((message) => [...message].join() === NOTHING_CHANGED.join());
    // Nobody edits: without keep-alives a stock client would have heard nothing since its greeting.
    expect(noOps.length).toBeGreaterThanOrEqual(3);
    watcher.ws.close();
  });

  it('a stock y-websocket client applies the no-ops without changing its document or awareness', async () => {
    const { room, facilitator } = await roomWithEveryRole(server.origin, 'learning-set');
    const editor = connectClient(server.origin, room.documentId, facilitator.cookie);
    await editor.synced();
    const stateBefore = editor.doc.getXmlFragment('content').length;
    const peersBefore = [...editor.provider.awareness.getStates().keys()].sort();
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS * 4));
    expect(editor.provider.wsconnected).toBe(true);
    expect(editor.doc.getXmlFragment('content').length).toBe(stateBefore);
    expect([...editor.provider.awareness.getStates().keys()].sort()).toEqual(peersBefore);
    editor.destroy();
  });
});
