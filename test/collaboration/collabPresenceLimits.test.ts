import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOSE_CODES, COLLAB_LIMITS, COLLAB_MESSAGE } from '@common-ground/shared';
import { roomWithEveryRole } from '../support/factories.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';
import { awarenessFrame, eventually, openRaw, type RawSocket } from './collabClient.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ DISABLE_RATE_LIMITS: 'true' });
});
afterAll(async () => {
  await server.stop();
});

/** Bytes of awareness a socket has received. */
function awarenessBytes(socket: RawSocket): number {
  return socket.received
    .filter((message) => message[0] === COLLAB_MESSAGE.awareness)
    .reduce((sum, message) => sum + message.byteLength, 0);
}

function awarenessCount(socket: RawSocket): number {
  return socket.received.filter((message) => message[0] === COLLAB_MESSAGE.awareness).length;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('presence limits', () => {
  it('refuses an awareness state over the size limit before anyone receives it, and closes its sender', async () => {
    const { room, facilitator, member, cookies } = await roomWithEveryRole(server.origin, 'open-day');
    const watchers = await Promise.all(
      [cookies.visitor!, cookies.observer!, member.cookie].map((cookie) =>
        openRaw(server.origin, room.documentId, { cookie }),
      ),
    );
    const flooder = await openRaw(server.origin, room.documentId, { cookie: facilitator.cookie });
    const big = JSON.stringify({ cursor: 'x'.repeat(200 * 1024) });
    for (let clock = 1; clock <= 50; clock += 1) flooder.send(awarenessFrame(777, clock, big));
    const closed = await Promise.race([flooder.closed, pause(5000).then(() => ({ code: 'still open' }))]);
    expect(closed.code).toBe(CLOSE_CODES.tooLarge);
    await pause(200);
    for (const watcher of watchers) expect(awarenessBytes(watcher)).toBeLessThan(10 * 1024);
    // A late joiner receives no oversized state either.
    const late = await openRaw(server.origin, room.documentId, { cookie: member.cookie });
    await pause(200);
    expect(awarenessBytes(late)).toBeLessThan(COLLAB_LIMITS.maxAwarenessStateBytes);
    for (const socket of [...watchers, late]) socket.ws.close();
  });

  it('relays at most the awareness rate of a connection that floods small states', async () => {
    const { room, facilitator, cookies } = await roomWithEveryRole(server.origin, 'open-day');
    const watcher = await openRaw(server.origin, room.documentId, { cookie: cookies.visitor! });
    const editor = await openRaw(server.origin, room.documentId, { cookie: facilitator.cookie });
    const state = JSON.stringify({ cursor: 'y'.repeat(1000) });
    for (let clock = 1; clock <= 300; clock += 1) editor.send(awarenessFrame(4242, clock, state));
    await eventually(() => expect(awarenessCount(watcher)).toBeGreaterThan(0));
    await pause(300);
    // The burst plus what the sustained rate refills while the flood is read.
    expect(awarenessCount(watcher)).toBeLessThanOrEqual(COLLAB_LIMITS.awarenessBurst + 20);
    expect(awarenessCount(watcher)).toBeGreaterThan(0);
    const stillOpen = await Promise.race([editor.closed.then(() => false), pause(50).then(() => true)]);
    expect(stillOpen).toBe(true);
    for (const socket of [watcher, editor]) socket.ws.close();
  });
});
