import * as oidc from 'openid-client';
import type { Env } from '../../env.ts';
import { AppError } from '../../errors.ts';
import { SingleSignOnAttemptModel } from '../../models/SingleSignOnAttempt.ts';
import { trusted } from '../../database/trusted.ts';
import { hashToken } from '../tokens.ts';

/** An attempt lasts as long as someone may reasonably take at the provider's sign-in page. */
const ATTEMPT_LIFETIME_MS = 10 * 60_000;

/** What the provider said about the person, once every check passed. */
export interface ProviderIdentity {
  issuer: string;
  subject: string;
  email: string | null;
  /** The provider's `email_verified` claim, exactly `true`; anything else is not a yes. */
  emailVerified: boolean;
  name: string | null;
}

/**
 * Single sign-on with OpenID Connect (openid-client): the authorisation code flow with PKCE, a `state` bound to the
 * browser by a cookie and a `nonce` bound to the ID token. The provider's metadata is discovered once, on first use.
 */
type OidcEnv = Env & { OIDC_ISSUER: string; OIDC_CLIENT_ID: string; OIDC_CLIENT_SECRET: string };

export class OidcSignIn {
  readonly #env: OidcEnv;
  #config: Promise<oidc.Configuration> | null = null;

  constructor(env: Env) {
    if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET)
      throw new Error('single sign-on needs OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET');
    this.#env = env as OidcEnv;
  }

  #configuration(): Promise<oidc.Configuration> {
    const issuer = new URL(this.#env.OIDC_ISSUER);
    this.#config ??= oidc
      .discovery(issuer, this.#env.OIDC_CLIENT_ID, this.#env.OIDC_CLIENT_SECRET, undefined, {
        // Plain http only for a provider on this machine (tests, local development); anywhere else https.
        execute: isLoopback(issuer) ? [oidc.allowInsecureRequests] : [],
      })
      .catch((error: unknown) => {
        this.#config = null;
        throw error;
      });
    return this.#config;
  }

  /** Stores a new attempt and returns the provider's URL to send the browser to, and the state for its cookie. */
  async start(redirectUri: string, next: string | null): Promise<{ url: string; state: string }> {
    const config = await this.#configuration();
    // Attempts abandoned at the provider are swept here (no TTL indexes on FerretDB); any instance may do it.
    await SingleSignOnAttemptModel.deleteMany({ expiresAt: trusted({ $lte: new Date() }) });
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    await SingleSignOnAttemptModel.create({
      _id: hashToken(state),
      codeVerifier,
      nonce,
      next,
      expiresAt: new Date(Date.now() + ATTEMPT_LIFETIME_MS),
    });
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: 'openid email profile',
      response_type: 'code',
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url: url.href, state };
  }

  /**
   * Finishes an attempt from the provider's redirect: the state in the URL must be the one in this browser's cookie
   * and an unused, unexpired attempt; openid-client then checks the state again, exchanges the code with the PKCE
   * verifier, and validates the ID token (signature, issuer, audience, expiry, nonce).
   */
  async finish(
    callbackUrl: URL,
    cookieState: string | undefined,
  ): Promise<{ identity: ProviderIdentity; next: string | null }> {
    const state = callbackUrl.searchParams.get('state');
    if (!state || !cookieState || state !== cookieState)
      throw new AppError('unauthenticated', 'This sign-in did not start in this browser. Try again.');
    // Deleting claims the attempt: of two requests with the same state, one deletes it and the other finds nothing.
    const attempt = await SingleSignOnAttemptModel.findById(hashToken(state)).lean();
    const claimed = attempt ? await SingleSignOnAttemptModel.deleteOne({ _id: attempt._id }) : null;
    if (!attempt || claimed?.deletedCount !== 1 || attempt.expiresAt <= new Date())
      throw new AppError('unauthenticated', 'This sign-in has expired or was already used. Try again.');
    const config = await this.#configuration();
    const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: attempt.codeVerifier,
      expectedState: state,
      expectedNonce: attempt.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims) throw new AppError('unauthenticated', 'The sign-in provider sent no identity.');
    // Providers that keep the ID token small give email and name at the userinfo endpoint, for the same subject.
    const profile: Record<string, unknown> =
      claims.email === undefined ? await oidc.fetchUserInfo(config, tokens.access_token, claims.sub) : claims;
    return {
      identity: {
        issuer: claims.iss,
        subject: claims.sub,
        email: typeof profile.email === 'string' ? profile.email.trim().toLowerCase() : null,
        emailVerified: profile.email_verified === true,
        name: typeof profile.name === 'string' ? profile.name : null,
      },
      next: attempt.next ?? null,
    };
  }
}

function isLoopback(url: URL): boolean {
  return url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
}
