import { Router, type Request, type Response } from 'express';
import { parse as parseCookie } from 'cookie';
import { routes } from '@common-ground/shared';
import type { AppContext } from '../../AppContext.ts';
import { recordAudit } from '../../audit/recordAudit.ts';
import { createUserSession, endSession } from '../../auth/sessionStore.ts';
import { OidcSignIn } from '../../auth/singleSignOn/OidcSignIn.ts';
import { linkSingleSignOn, SingleSignOnRefused } from '../../commands/account/singleSignOnLinker.ts';
import { endUserSessions } from '../../commands/account/userSessionsEnder.ts';
import { joinByEmailDomain } from '../../commands/organisations/domainJoiner.ts';
import { alertJoinRequest } from '../../commands/organisations/joinRequestAlerter.ts';
import { AppError } from '../../errors.ts';
import { sendInBackground } from '../../mail/sendInBackground.ts';
import { setSessionCookie } from '../../middlewares/authenticate.ts';
import { rateLimit } from '../../middlewares/rateLimit.ts';
import { publicOrigin } from '../publicOrigin.ts';
import { registerRoute } from '../registerRoute.ts';

/** The cookie binding a sign-in at the provider to the browser that started it (login CSRF). */
const STATE_COOKIE = 'cg_sso_state';
/** Sent only to the single sign-on routes, which all sit under this one's path. */
const STATE_COOKIE_PATH = routes.getSingleSignOn.path;

/** Single sign-on with an OpenID Connect provider, when OIDC_ISSUER is set; local accounts work beside it. */
export function singleSignOnRouter({ env, logger, services }: AppContext): Router {
  const router = Router();
  const signIn = env.OIDC_ISSUER ? new OidcSignIn(env) : null;
  const notConfigured = () => new AppError('not_found', 'Single sign-on is not set up here.');

  registerRoute(router, routes.getSingleSignOn, (_input, _req, res) => {
    res.json({ enabled: Boolean(signIn), buttonLabel: signIn ? env.OIDC_BUTTON_LABEL : null });
  });

  registerRoute(
    router,
    routes.startSingleSignOn,
    [rateLimit(env, { bucket: 'sso-start', limit: 60, windowMs: 15 * 60_000 })],
    async ({ query }, req, res) => {
      if (!signIn) throw notConfigured();
      const redirectUri = `${publicOrigin(env, req)}${routes.finishSingleSignOn.path}`;
      const { url, state } = await signIn.start(redirectUri, query.next ?? null);
      res.cookie(STATE_COOKIE, state, {
        httpOnly: true,
        // Lax: the provider's redirect back is a top-level GET, which Lax cookies accompany.
        sameSite: 'lax',
        secure: req.secure || req.app.locals.secureCookies === true,
        path: STATE_COOKIE_PATH,
        maxAge: 10 * 60_000,
      });
      res.redirect(302, url);
    },
  );

  registerRoute(router, routes.finishSingleSignOn, async ({ query }, req, res) => {
    if (!signIn) throw notConfigured();
    res.clearCookie(STATE_COOKIE, { httpOnly: true, sameSite: 'lax', path: STATE_COOKIE_PATH });
    const origin = publicOrigin(env, req);
    if (query.error) return failed(res, 'cancelled');
    try {
      const callbackUrl = new URL(req.originalUrl, origin);
      const cookieState = parseCookie(req.headers.cookie ?? '')[STATE_COOKIE];
      const { identity, next } = await signIn.finish(callbackUrl, cookieState);
      const link = await linkSingleSignOn(identity, env.OIDC_ALLOWED_DOMAINS);
      // Whoever registered an address its owner has only now proved loses the sessions they had.
      if (link.squatted) await endUserSessions(services.accessEvents, link.userId);
      await signInAs(req, res, link.userId);
      await recordAudit(link.created || link.linked ? 'auth.sso.linked' : 'auth.sso.signedIn', {
        req,
        actorUserId: link.userId,
        detail: { issuer: identity.issuer, created: link.created },
      });
      if (link.newlyVerified) {
        const organisationId = await joinByEmailDomain(link.userId);
        if (organisationId)
          sendInBackground(logger, 'join-request', () =>
            alertJoinRequest(services.mailer, organisationId, link.userId, `${origin}/organisation`),
          );
      }
      res.redirect(302, next ?? '/communities');
    } catch (error) {
      const reason = error instanceof SingleSignOnRefused ? error.reason : 'failed';
      if (!(error instanceof AppError)) logger.warn({ err: error }, 'single sign-on failed');
      await recordAudit('auth.sso.failed', { req, detail: { reason } });
      failed(res, reason);
    }
  });

  async function signInAs(req: Request, res: Response, userId: string): Promise<void> {
    // As at any sign-in: a fresh session, and the one the browser had (if any) ends, its sockets too.
    if (req.caller) {
      await endSession(req.caller.sessionId);
      await services.accessEvents.publish({ type: 'session.ended', sessionId: req.caller.sessionId });
    }
    const session = await createUserSession(userId, env);
    setSessionCookie(req, res, session.token, session.expiresAt);
  }

  return router;
}

/** Back to the sign-in page, which explains the reason in words. */
function failed(res: Response, reason: string): void {
  res.redirect(302, `/sign-in?sso=${encodeURIComponent(reason)}`);
}
