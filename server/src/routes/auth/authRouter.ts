import { Router } from 'express';
import { RATE_LIMITS, routes, type UserResponse } from '@common-ground/shared';
import type { AppContext } from '../../AppContext.ts';
import { recordAudit } from '../../audit/recordAudit.ts';
import { verifyAgainstDummy, verifyPassword } from '../../auth/passwords.ts';
import { claimSignInAttempt } from '../../auth/signInLimits.ts';
import { createUserSession, endSession } from '../../auth/sessionStore.ts';
import { sendEmailVerification } from '../../commands/account/emailVerifier.ts';
import { registerUser } from '../../commands/userRegistrar.ts';
import { claimSlidingSlot } from '../../rateLimits/claimSlidingSlot.ts';
import { sendInBackground } from '../../mail/sendInBackground.ts';
import { registrationAttemptEmail } from '../../mail/templates/identityEmails.ts';
import { publicOrigin } from '../publicOrigin.ts';
import { AppError } from '../../errors.ts';
import { clearSessionCookie, setSessionCookie } from '../../middlewares/authenticate.ts';
import { rateLimit } from '../../middlewares/rateLimit.ts';
import { UserModel } from '../../models/User.ts';
import { presentUser } from '../../presenters/presentUser.ts';
import { registerRoute } from '../registerRoute.ts';

/** Registration, sign-in and sign-out. */
export function authRouter({ env, logger, services }: AppContext): Router {
  const router = Router();

  registerRoute(
    router,
    routes.register,
    [rateLimit(env, { bucket: 'register', ...RATE_LIMITS.register })],
    async ({ body }, req, res) => {
      const origin = publicOrigin(env, req);
      const user = await registerUser(body, (email) => {
        void recordAudit('auth.registration.duplicate', { req, detail: { email } });
        // In the background, so the 409 comes as fast whether or not mail goes out; a few a day at most per address.
        sendInBackground(logger, 'registration-attempt', async () => {
          const { limit, windowMs } = RATE_LIMITS.registrationNoticesPerAddress;
          if (!(await claimSlidingSlot('registration-notice', email, limit, windowMs)).allowed) return;
          await services.mailer.send(
            registrationAttemptEmail(email, `${origin}/sign-in`, `${origin}/forgotten-password`),
          );
        });
      });
      if (services.mailer.canSend) {
        const verifyUser = { id: String(user._id), email: user.email };
        sendInBackground(logger, 'email-verify', () =>
          sendEmailVerification(services.mailer, verifyUser, (token) => `${origin}/verify-email/${token}`),
        );
      }
      const session = await createUserSession(String(user._id), env);
      setSessionCookie(req, res, session.token, session.expiresAt);
      await recordAudit('auth.registered', { req, actorUserId: String(user._id) });
      const response: UserResponse = { user: await presentUser(user) };
      res.status(201).json(response);
    },
  );

  registerRoute(
    router,
    routes.login,
    [rateLimit(env, { bucket: 'login-ip', ...RATE_LIMITS.signInPerAddress })],
    async ({ body }, req, res) => {
      const attempt = await claimSignInAttempt(env, body.email, req.ip ?? 'unknown');
      const user = await UserModel.findOne({ email: body.email });
      const valid = user
        ? await verifyPassword(body.password, user.passwordHash)
        : await verifyAgainstDummy(body.password);
      if (!user || !valid) {
        await recordAudit('auth.login.failed', {
          req,
          actorUserId: user ? String(user._id) : null,
          detail: { email: body.email },
        });
        throw new AppError('unauthenticated', 'The email address or password is not right.');
      }
      await attempt.succeeded();
      // A new session id at every sign-in; any session the browser already had is ended, open sockets included.
      if (req.caller) {
        await endSession(req.caller.sessionId);
        await services.accessEvents.publish({ type: 'session.ended', sessionId: req.caller.sessionId });
      }
      const session = await createUserSession(String(user._id), env);
      setSessionCookie(req, res, session.token, session.expiresAt);
      await recordAudit('auth.login.succeeded', { req, actorUserId: String(user._id) });
      const response: UserResponse = { user: await presentUser(user) };
      res.json(response);
    },
  );

  registerRoute(router, routes.logout, async (_input, req, res) => {
    if (req.caller) {
      await endSession(req.caller.sessionId);
      await services.accessEvents.publish({ type: 'session.ended', sessionId: req.caller.sessionId });
      if (req.caller.kind === 'user') await recordAudit('auth.logout', { req });
    }
    clearSessionCookie(res);
    res.status(204).end();
  });

  return router;
}
