import type { IncomingMessage } from 'node:http';
import { parse as parseCookie } from 'cookie';
import { Types } from 'mongoose';
import { SESSION_COOKIE, type OrganisationTag } from '@common-ground/shared';
import type { Env } from '../env.ts';
import { SessionModel } from '../models/Session.ts';
import { VisitorPassModel } from '../models/VisitorPass.ts';
import { presentOrganisationTag } from '../presenters/presentOrganisation.ts';
import type { Caller } from './Caller.ts';
import { confirmedAffiliation, organisationTagById, sessionById, userById } from './callerLookups.ts';
import { hashToken, newToken } from './tokens.ts';
import { trusted } from '../database/trusted.ts';

const TOUCH_EVERY_MS = 60_000;

type SessionTimes = Pick<Env, 'SESSION_IDLE_MINUTES' | 'SESSION_ABSOLUTE_HOURS'>;

/** Starts a new session for a user (a fresh id at every sign-in); returns the cookie token. */
export async function createUserSession(
  userId: string,
  env: SessionTimes,
): Promise<{ token: string; expiresAt: Date }> {
  const token = newToken();
  const now = Date.now();
  const expiresAt = new Date(now + env.SESSION_ABSOLUTE_HOURS * 3600_000);
  await SessionModel.create({
    _id: hashToken(token),
    kind: 'user',
    userId,
    idleExpiresAt: new Date(now + env.SESSION_IDLE_MINUTES * 60_000),
    expiresAt,
  });
  return { token, expiresAt };
}

/** Starts a read-only visitor session for one room that ends no later than the pass does. */
export async function createVisitorSession(
  options: { passId: string; roomId: string; displayName: string; passExpiresAt: Date },
  env: SessionTimes,
): Promise<{ token: string; visitorId: string; expiresAt: Date }> {
  const token = newToken();
  const now = Date.now();
  const expiresAt = new Date(
    Math.min(options.passExpiresAt.getTime(), now + env.SESSION_ABSOLUTE_HOURS * 3600_000),
  );
  const visitorId = new Types.ObjectId();
  await SessionModel.create({
    _id: hashToken(token),
    kind: 'visitor',
    visitorId,
    visitorName: options.displayName,
    passId: options.passId,
    roomId: options.roomId,
    idleExpiresAt: new Date(now + env.SESSION_IDLE_MINUTES * 60_000),
    expiresAt,
  });
  return { token, visitorId: String(visitorId), expiresAt };
}

/** Reads the session cookie from raw request headers (HTTP, Socket.IO handshake or WebSocket upgrade). */
export function sessionTokenFrom(req: Pick<IncomingMessage, 'headers'>): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  const token = parseCookie(header)[SESSION_COOKIE];
  return token && /^[A-Za-z0-9_-]{20,100}$/.test(token) ? token : null;
}

/** Resolves who is calling from a request's cookie, or null when there is no live session. */
export async function callerFromRequest(
  req: Pick<IncomingMessage, 'headers'>,
  env: SessionTimes,
): Promise<Caller | null> {
  const token = sessionTokenFrom(req);
  return token ? callerFromToken(token, env) : null;
}

/** Resolves a session token: checks idle and absolute expiry, and for visitors that the pass is still valid. */
export async function callerFromToken(token: string, env: SessionTimes): Promise<Caller | null> {
  const sessionId = hashToken(token);
  return callerFromSessionId(sessionId, env);
}

/**
 * Same as {@link callerFromToken}, by stored session id. Re-checks of open connections pass `touch: false`: an open
 * tab is not activity, so it must not keep an idle session alive.
 */
export async function callerFromSessionId(
  sessionId: string,
  env: SessionTimes,
  options: { touch?: boolean } = {},
): Promise<Caller | null> {
  const session = await sessionById(sessionId);
  if (!session) return null;
  const now = new Date();
  if (session.expiresAt <= now || session.idleExpiresAt <= now) {
    await SessionModel.deleteOne({ _id: sessionId });
    return null;
  }
  // The touch runs beside the lookups below; only a request that still sees the old lastSeenAt writes.
  const touched =
    (options.touch ?? true) && now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS
      ? SessionModel.updateOne(
          { _id: sessionId, lastSeenAt: session.lastSeenAt },
          {
            $set: {
              lastSeenAt: now,
              idleExpiresAt: new Date(now.getTime() + env.SESSION_IDLE_MINUTES * 60_000),
            },
          },
        )
      : null;

  if (session.kind === 'visitor') {
    const [pass] = await Promise.all([VisitorPassModel.findById(session.passId).lean(), touched]);
    if (!pass || pass.revokedAt || pass.expiresAt <= now || !session.visitorId || !session.roomId)
      return null;
    return {
      kind: 'visitor',
      sessionId,
      visitor: { id: String(session.visitorId), displayName: session.visitorName ?? 'Visitor' },
      passId: String(pass._id),
      roomId: String(session.roomId),
      expiresAt: session.expiresAt < pass.expiresAt ? session.expiresAt : pass.expiresAt,
      openDay:
        pass.openDayId && pass.liveFrom && pass.liveUntil
          ? { id: String(pass.openDayId), liveFrom: pass.liveFrom, liveUntil: pass.liveUntil }
          : null,
    };
  }

  const [user] = await Promise.all([userById(String(session.userId)), touched]);
  if (!user) return null;
  return {
    kind: 'user',
    sessionId,
    expiresAt: session.expiresAt,
    user: {
      id: String(user._id),
      email: user.email,
      displayName: user.displayName,
      organisation: await confirmedOrganisation(
        String(user._id),
        user.organisationId ? String(user.organisationId) : null,
      ),
      emailVerified: Boolean(user.emailVerifiedAt),
      platformRole: user.platformAdmin ? 'administrator' : null,
    },
  };
}

async function confirmedOrganisation(
  userId: string,
  organisationId: string | null,
): Promise<OrganisationTag | null> {
  if (!organisationId) return null;
  const [affiliation, organisation] = await Promise.all([
    confirmedAffiliation(`${organisationId}:${userId}`),
    organisationTagById(organisationId),
  ]);
  return affiliation && organisation ? presentOrganisationTag(organisation) : null;
}

/** Ends one session at once. */
export async function endSession(sessionId: string): Promise<void> {
  await SessionModel.deleteOne({ _id: sessionId });
}

/** Deletes expired sessions; run periodically since TTL indexes are not available everywhere. */
export async function sweepExpiredSessions(now = new Date()): Promise<number> {
  const result = await SessionModel.deleteMany({
    $or: [{ expiresAt: trusted({ $lte: now }) }, { idleExpiresAt: trusted({ $lte: now }) }],
  });
  return result.deletedCount;
}
