import { describe, expect, it } from 'vitest';
import { can, CLOSE_CODES, COLLAB_LIMITS, type Role } from '@common-ground/shared';
import type { Caller } from '../auth/Caller.ts';
import type { CollabConnection } from './CollabConnection.ts';
import { admitToShare } from './connectionShares.ts';

let sessions = 0;

function user(id: string, role: Role, sessionId = `s${(sessions += 1)}`): CollabConnection {
  const caller = { kind: 'user', sessionId, user: { id } } as Caller;
  return { caller, role, canEdit: can(role, 'document.edit') } as CollabConnection;
}

function visitor(passId: string, sessionId = `s${(sessions += 1)}`): CollabConnection {
  const caller = { kind: 'visitor', sessionId, passId } as Caller;
  return { caller, role: 'visitor', canEdit: false } as CollabConnection;
}

const caps = {
  maxEditors: 20,
  maxWatchers: 1000,
  perSession: COLLAB_LIMITS.maxConnectionsPerSession,
  perUser: COLLAB_LIMITS.maxConnectionsPerUser,
  perPass: COLLAB_LIMITS.maxConnectionsPerPass,
};

describe('admitToShare', () => {
  it('caps the visitors of one pass together, whatever their sessions', () => {
    const others = Array.from({ length: COLLAB_LIMITS.maxConnectionsPerPass }, () => visitor('pass-1'));
    expect(admitToShare(visitor('pass-1'), others, caps)).toMatchObject({
      ok: false,
      code: CLOSE_CODES.connectionShare,
    });
    expect(admitToShare(visitor('pass-2'), others, caps)).toEqual({ ok: true });
  });

  it('keeps a tenth of the editor slots for facilitators, within the document cap', () => {
    const members = Array.from({ length: 18 }, (_, i) => user(`m${i}`, 'member'));
    expect(admitToShare(user('late', 'member'), members, caps)).toMatchObject({ code: CLOSE_CODES.roomFull });
    expect(admitToShare(user('f1', 'facilitator'), members, caps)).toEqual({ ok: true });
    const full = [...members, user('f1', 'facilitator'), user('f2', 'facilitator')];
    expect(admitToShare(user('f3', 'facilitator'), full, caps)).toMatchObject({ code: CLOSE_CODES.roomFull });
  });

  it('caps one session and one person, facilitators included', () => {
    const tabs = Array.from({ length: COLLAB_LIMITS.maxConnectionsPerSession }, () =>
      user('f', 'facilitator', 'one-session'),
    );
    expect(admitToShare(user('f', 'facilitator', 'one-session'), tabs, caps)).toMatchObject({
      code: CLOSE_CODES.connectionShare,
    });
    const devices = Array.from({ length: COLLAB_LIMITS.maxConnectionsPerUser }, () =>
      user('f', 'facilitator'),
    );
    expect(admitToShare(user('f', 'facilitator'), devices, caps)).toMatchObject({
      code: CLOSE_CODES.connectionShare,
    });
  });
});
