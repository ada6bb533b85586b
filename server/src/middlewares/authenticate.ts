import type { Request, RequestHandler, Response } from 'express';
import { SESSION_COOKIE } from '@common-ground/shared';
import type { Caller, UserCaller } from '../auth/Caller.ts';
import { callerFromRequest } from '../auth/sessionStore.ts';
import type { Env } from '../env.ts';
import { AppError } from '../errors.ts';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** Who is calling, set by {@link authenticate}; null when nobody is signed in. */
      caller?: Caller | null;
    }
  }
}

/** Resolves the session cookie into `req.caller` (or null) for every API request. */
export function authenticate(env: Env): RequestHandler {
  return async (req, res, next) => {
    req.caller = await callerFromRequest(req, env);
    if (!req.caller && req.headers.cookie?.includes(`${SESSION_COOKIE}=`)) clearSessionCookie(res);
    next();
  };
}

/** The caller, or a 401 when nobody is signed in. */
export function requireCaller(req: Request): Caller {
  if (!req.caller) throw new AppError('unauthenticated', 'Sign in to continue.');
  return req.caller;
}

/** The signed-in user, or 401; visitors are refused with 403 since their pass covers one room only. */
export function requireUser(req: Request): UserCaller {
  const caller = requireCaller(req);
  if (caller.kind !== 'user')
    throw new AppError('forbidden', 'Open-day visitors can only watch the room they were invited to.');
  return caller;
}

/**
 * Sets the session cookie: httpOnly, SameSite=Lax, and Secure in production, when the public origin is https, or
 * when the request came over https. Behind a proxy that terminates TLS without TRUST_PROXY the request looks like
 * plain http, so the setting, not the request, decides.
 */
export function setSessionCookie(req: Request, res: Response, token: string, expiresAt: Date): void {
  res.cookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: req.secure || req.app.locals.secureCookies === true,
    path: '/',
    expires: expiresAt,
  });
}

/** Removes the session cookie. */
export function clearSessionCookie(res: Response): void {
  res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', path: '/' });
}
