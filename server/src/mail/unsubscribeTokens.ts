import { createHmac, timingSafeEqual } from 'node:crypto';
import { OPTIONAL_EMAIL_KINDS, type OptionalEmailKind } from '@common-ground/shared';
import { serverSecret } from './serverSecret.ts';

const SECRET = 'unsubscribe';

const signature = (secret: Buffer, userId: string, kind: OptionalEmailKind) =>
  createHmac('sha256', secret).update(`unsubscribe:${userId}:${kind}`).digest();

/**
 * A token that turns off one kind of email for one person: `${userId}.${kind}.${HMAC-SHA256}` under the
 * deployment's secret. It never expires (mail clients keep old messages) and does nothing but turn that email off.
 */
export async function signUnsubscribeToken(userId: string, kind: OptionalEmailKind): Promise<string> {
  const secret = await serverSecret(SECRET);
  return `${userId}.${kind}.${signature(secret, userId, kind).toString('base64url')}`;
}

/** The person and kind a genuine token names, or null for anything forged, altered or malformed. */
export async function readUnsubscribeToken(
  token: string,
): Promise<{ userId: string; kind: OptionalEmailKind } | null> {
  const [userId, kind, signed, ...rest] = token.split('.');
  if (rest.length || !userId || !signed || !/^[a-f0-9]{24}$/.test(userId)) return null;
  if (!(OPTIONAL_EMAIL_KINDS as readonly string[]).includes(kind ?? '')) return null;
  const expected = signature(await serverSecret(SECRET), userId, kind as OptionalEmailKind);
  const given = Buffer.from(signed, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { userId, kind: kind as OptionalEmailKind };
}
