import { createHash, randomBytes } from 'node:crypto';

/** A new unguessable token for a cookie or a link (256 bits, URL-safe). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What we store instead of a token, so a database copy cannot be replayed. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
