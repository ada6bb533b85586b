import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOSE_CODES, COLLAB_LIMITS } from '@common-ground/shared';
import { api } from '../support/http.ts';
import { joinCommunityAs, roomWithEveryRole } from '../support/factories.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';
import { openRaw, type RawSocket } from './collabClient.ts';

const MAX_EDITORS = 20;
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({
    DISABLE_RATE_LIMITS: 'true',
    COLLAB_MAX_EDITORS_PER_DOCUMENT: String(MAX_EDITORS),
  });
});
afterAll(async () => {
  await server.stop();
});

/** Opens `count` sockets one after another and says how each ended up: 'open' (greeted) or its close code. */
async function openMany(documentId: string, cookie: string, count: number) {
  const sockets: RawSocket[] = [];
  const outcomes: Array<'open' | number> = [];
  for (let i = 0; i < count; i += 1) {
    const socket = await openRaw(server.origin, documentId, { cookie });
    sockets.push(socket);
    outcomes.push(await outcome(socket));
  }
  return { sockets, outcomes };
}

/** 'open' once the server greets the socket (sync step 1), or the code it was closed with. */
function outcome(socket: RawSocket): Promise<'open' | number> {
  return new Promise((resolve) => {
    void socket.closed.then(({ code }) => resolve(code));
    const poll = setInterval(() => {
      if (socket.received.length) {
        clearInterval(poll);
        resolve('open');
      }
    }, 10);
    void socket.closed.then(() => clearInterval(poll));
  });
}

describe('fair shares of a document’s connections', () => {
  it('stops one visitor cookie taking every watcher slot', async () => {
    const { room, cookies } = await roomWithEveryRole(server.origin, 'open-day');
    const perSession = COLLAB_LIMITS.maxConnectionsPerSession;
    const { sockets, outcomes } = await openMany(room.documentId, cookies.visitor!, perSession + 2);
    expect(outcomes).toEqual([
      ...Array<'open'>(perSession).fill('open'),
      CLOSE_CODES.connectionShare,
      CLOSE_CODES.connectionShare,
    ]);
    // Another visitor on the same open day still gets in.
    const observer = await openRaw(server.origin, room.documentId, { cookie: cookies.observer! });
    expect(await outcome(observer)).toBe('open');
    for (const socket of [...sockets, observer]) socket.ws.close();
  });

  it('caps one person across sessions, and keeps the last editor slots for facilitators', async () => {
    const { community, room, facilitator, member } = await roomWithEveryRole(server.origin, 'open-day');
    // One member signed in on three browsers: the per-person share caps them together.
    const sessions = [member.cookie];
    for (let i = 0; i < 2; i += 1) {
      const login = await api(server.origin, 'POST', '/api/auth/login', {
        body: { email: member.user.email, password: member.password },
      });
      sessions.push(login.cookie!);
    }
    const opened: RawSocket[] = [];
    const outcomes: Array<'open' | number> = [];
    for (const cookie of sessions) {
      const { sockets, outcomes: these } = await openMany(room.documentId, cookie, 4);
      opened.push(...sockets);
      outcomes.push(...these);
    }
    expect(outcomes.filter((o) => o === 'open')).toHaveLength(COLLAB_LIMITS.maxConnectionsPerUser);
    expect(outcomes.slice(COLLAB_LIMITS.maxConnectionsPerUser)).toEqual([
      CLOSE_CODES.connectionShare,
      CLOSE_CODES.connectionShare,
    ]);
    // Other members take every editor slot they may: all but the facilitators' reserve.
    const reserve = Math.floor(MAX_EDITORS * COLLAB_LIMITS.facilitatorReserveFraction);
    let members = COLLAB_LIMITS.maxConnectionsPerUser;
    while (members < MAX_EDITORS - reserve) {
      const other = await joinCommunityAs(server.origin, facilitator, community.id, 'member');
      const { sockets, outcomes: these } = await openMany(room.documentId, other.cookie, 1);
      opened.push(...sockets);
      expect(these).toEqual(['open']);
      members += 1;
    }
    const late = await joinCommunityAs(server.origin, facilitator, community.id, 'member');
    const refused = await openRaw(server.origin, room.documentId, { cookie: late.cookie });
    expect(await outcome(refused)).toBe(CLOSE_CODES.roomFull);
    const facilitatorSocket = await openRaw(server.origin, room.documentId, { cookie: facilitator.cookie });
    expect(await outcome(facilitatorSocket)).toBe('open');
    for (const socket of [...opened, facilitatorSocket]) socket.ws.close();
  });
});
