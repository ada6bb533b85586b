import { afterEach, describe, expect, it, vi } from 'vitest';
import pino from 'pino';
import type { Caller } from '../auth/Caller.ts';
import type { AccessEvent, AccessEvents } from './AccessEvents.ts';
import { ConnectionAccess, type AccessAdapter, type RecheckCause } from './ConnectionAccess.ts';

const LATER = new Date(Date.now() + 3600_000);
const env = { SESSION_IDLE_MINUTES: 60, SESSION_ABSOLUTE_HOURS: 12, SESSION_RECHECK_SECONDS: 3600 };

function user(id: string, sessionId: string, expiresAt = LATER): Caller {
  return {
    kind: 'user',
    sessionId,
    expiresAt,
    user: {
      id,
      email: `${id}@example.test`,
      displayName: id,
      organisation: null,
      emailVerified: false,
      platformRole: null,
    },
  };
}

function visitor(passId: string, sessionId: string): Caller {
  return {
    kind: 'visitor',
    sessionId,
    passId,
    roomId: 'room',
    expiresAt: LATER,
    visitor: { id: `visitor-${passId}`, displayName: 'Visitor' },
  };
}

/** A connection that records what ConnectionAccess asked of it. */
function fakeConnection(
  caller: Caller,
  answer: (cause: RecheckCause) => Promise<string | null> = async () => 'ok',
) {
  const seen: string[] = [];
  const adapter: AccessAdapter<string> = {
    caller,
    recheck: async (cause) => {
      seen.push(`recheck:${cause.type}`);
      return answer(cause);
    },
    apply: (decision) => void seen.push(`apply:${decision}`),
    close: (ending) => void seen.push(`close:${ending}`),
  };
  return { adapter, seen };
}

function setup() {
  let publish: (event: AccessEvent) => void = () => {};
  const events = {
    subscribe(listener: (event: AccessEvent) => void) {
      publish = listener;
      return () => {};
    },
  } as unknown as AccessEvents;
  const access = new ConnectionAccess(events, env, pino({ level: 'silent' }));
  return { access, publish: (event: AccessEvent) => publish(event) };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

let stop: (() => void) | null = null;
afterEach(() => stop?.());

describe('ConnectionAccess', () => {
  it.each([
    { event: { type: 'session.ended', sessionId: 's1' }, expected: ['close:session-ended'], other: [] },
    { event: { type: 'pass.revoked', passId: 'p1' }, expected: ['close:pass-revoked'], other: [] },
    {
      event: { type: 'membership.changed', communityId: 'c1', userId: 'u1' },
      expected: ['recheck:membership.changed', 'apply:ok'],
      other: [],
    },
  ] as { event: AccessEvent; expected: string[]; other: string[] }[])(
    'routes $event.type to the connections it touches and no others',
    async ({ event, expected, other }) => {
      const { access, publish } = setup();
      stop = () => access.stop();
      const touched = fakeConnection(event.type === 'pass.revoked' ? visitor('p1', 's1') : user('u1', 's1'));
      const untouched = fakeConnection(user('u2', 's2'));
      access.track(touched.adapter, access.mark());
      access.track(untouched.adapter, access.mark());
      publish(event);
      await settle();
      expect(touched.seen).toEqual(expected);
      expect(untouched.seen).toEqual(other);
    },
  );

  it('says whether a change touching the caller arrived after a mark, and re-checks a raced connection on tracking', async () => {
    const { access, publish } = setup();
    stop = () => access.stop();
    const mark = access.mark();
    publish({ type: 'membership.changed', communityId: 'c1', userId: 'someone-else' });
    expect(access.changedSince(mark, user('u1', 's1'))).toBe(false);
    publish({ type: 'membership.changed', communityId: 'c1', userId: 'u1' });
    expect(access.changedSince(mark, user('u1', 's1'))).toBe(true);
    expect(access.changedSince(access.mark(), user('u1', 's1'))).toBe(false);

    const raced = fakeConnection(user('u1', 's1'));
    access.track(raced.adapter, mark);
    const calm = fakeConnection(user('u2', 's2'));
    access.track(calm.adapter, mark);
    await settle();
    expect(raced.seen).toEqual(['recheck:authorisation.raced', 'apply:ok']);
    expect(calm.seen).toEqual([]);
  });

  it('closes a connection whose re-check fails, applies nothing when the adapter has nothing to change, and forgets untracked ones', async () => {
    const { access, publish } = setup();
    stop = () => access.stop();
    const failing = fakeConnection(user('u1', 's1'), async () => {
      throw new Error('database down');
    });
    const unchanged = fakeConnection(user('u1', 's2'), async () => null);
    const gone = fakeConnection(user('u1', 's3'));
    access.track(failing.adapter, access.mark());
    access.track(unchanged.adapter, access.mark());
    access.track(gone.adapter, access.mark())();
    publish({ type: 'membership.changed', communityId: 'c1', userId: 'u1' });
    await settle();
    expect(failing.seen).toEqual(['recheck:membership.changed', 'close:unverifiable']);
    expect(unchanged.seen).toEqual(['recheck:membership.changed']);
    expect(gone.seen).toEqual([]);
  });

  it('closes every connection of a session once, at its expiry, with one timer for the session', async () => {
    vi.useFakeTimers();
    try {
      const { access } = setup();
      stop = () => access.stop();
      const soon = new Date(Date.now() + 5000);
      const first = fakeConnection(user('u1', 's1', soon));
      const second = fakeConnection(user('u1', 's1', soon));
      access.track(first.adapter, access.mark());
      access.track(second.adapter, access.mark());
      expect(vi.getTimerCount()).toBe(1);
      await vi.advanceTimersByTimeAsync(4999);
      expect(first.seen).toEqual([]);
      await vi.advanceTimersByTimeAsync(1);
      expect(first.seen).toEqual(['close:expired']);
      expect(second.seen).toEqual(['close:expired']);
    } finally {
      vi.useRealTimers();
    }
  });
});
