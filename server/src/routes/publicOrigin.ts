import type { Request } from 'express';
import type { Env } from '../env.ts';

/** The origin to put in links we hand out (invitations, visitor passes). */
export function publicOrigin(env: Env, req: Request): string {
  return env.PUBLIC_ORIGIN ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}
