import { pathFor, routes, type OptionalEmailKind } from '@common-ground/shared';
import { signUnsubscribeToken } from './unsubscribeTokens.ts';

/** Where an email's unsubscribe links go: the page people open, and the RFC 8058 one-click address for mail clients. */
export interface UnsubscribeLink {
  /** The confirmation page (`/unsubscribe/:token`), which works without signing in. */
  url: string;
  /** `POST` here turns the email off at once (the `List-Unsubscribe` header, with `List-Unsubscribe-Post`). */
  oneClickUrl: string;
}

/**
 * The unsubscribe links for one person and one kind of optional email (mention alerts, the digest, the "someone
 * asked to join" alert), for any template that sends one: pass the result as `unsubscribe` to `renderEmail`.
 */
export async function unsubscribeLinkFor(
  userId: string,
  kind: OptionalEmailKind,
  origin: string,
): Promise<UnsubscribeLink> {
  const token = await signUnsubscribeToken(userId, kind);
  return {
    url: `${origin}/unsubscribe/${token}`,
    oneClickUrl: `${origin}${pathFor(routes.unsubscribe, { token })}`,
  };
}
