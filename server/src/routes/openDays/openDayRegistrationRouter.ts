import { Router, type Request } from 'express';
import { OPEN_DAY_RATE_LIMITS, routes } from '@common-ground/shared';
import type { AppContext } from '../../AppContext.ts';
import { createVisitorSession, endSession } from '../../auth/sessionStore.ts';
import { hashToken } from '../../auth/tokens.ts';
import { registerForOpenDay, registrationOrganisation } from '../../commands/openDays/openDayRegistrar.ts';
import { cancelRegistrationByToken } from '../../commands/openDays/registrationCanceller.ts';
import { trusted } from '../../database/trusted.ts';
import { AppError } from '../../errors.ts';
import { sendInBackground } from '../../mail/sendInBackground.ts';
import { setSessionCookie } from '../../middlewares/authenticate.ts';
import { rateLimit } from '../../middlewares/rateLimit.ts';
import { OpenDayModel } from '../../models/OpenDay.ts';
import { OpenDayFeedbackModel } from '../../models/OpenDayFeedback.ts';
import { OpenDayRegistrationModel } from '../../models/OpenDayRegistration.ts';
import { OrganisationModel } from '../../models/Organisation.ts';
import { VisitorPassModel } from '../../models/VisitorPass.ts';
import { loadPassForCaller } from '../../policies/openDayPolicy.ts';
import { presentPass, presentPublicOpenDay, registrationOpen } from '../../presenters/presentOpenDay.ts';
import { registerRoute } from '../registerRoute.ts';
import { openDayMailContext } from './openDayMailContext.ts';

/** The address a registration is for, as the per-address limit counts it (before validation, so never trusted). */
const addressOf = (req: Request) =>
  String((req.body as { email?: unknown } | undefined)?.email ?? '')
    .trim()
    .toLowerCase()
    .slice(0, 254);

async function loadBySlug(slug: string) {
  const openDay = await OpenDayModel.findOne({ slug });
  if (!openDay) throw new AppError('not_found', 'Open day not found.');
  return openDay;
}

/** Anyone: an open day's public page, registering by work email, cancelling from email, opening the pass. */
export function openDayRegistrationRouter(context: AppContext): Router {
  const router = Router();
  const { env, logger, services } = context;

  registerRoute(router, routes.getOpenDay, async ({ params: { slug } }, _req, res) => {
    res.json({ openDay: await presentPublicOpenDay(await loadBySlug(slug)) });
  });

  registerRoute(router, routes.listOpenDayOrganisations, async ({ params: { slug } }, _req, res) => {
    await loadBySlug(slug);
    // Only organisations someone has verified: anyone can create one, so a self-made name is typed, not picked.
    const organisations = await OrganisationModel.find({ verifiedAt: trusted({ $ne: null }) }, { name: 1 })
      .sort({ nameKey: 1 })
      .limit(2000)
      .lean();
    res.json({
      organisations: organisations.map((organisation) => ({
        id: String(organisation._id),
        name: organisation.name,
      })),
    });
  });

  registerRoute(
    router,
    routes.registerForOpenDay,
    [
      rateLimit(env, { bucket: 'openDayRegistrationsIp', ...OPEN_DAY_RATE_LIMITS.registrationsPerIp }),
      rateLimit(env, {
        bucket: 'openDayRegistrationsAddress',
        ...OPEN_DAY_RATE_LIMITS.registrationsPerAddress,
        key: addressOf,
      }),
    ],
    async ({ params: { slug }, body }, req, res) => {
      const mail = openDayMailContext(context, req);
      const openDay = await loadBySlug(slug);
      if (!registrationOpen(openDay))
        throw new AppError('gone', 'Registration for this open day has closed.');
      const organisation = await registrationOrganisation(body);
      // The answer never depends on who registers: the work, and any email, happen after it is sent.
      sendInBackground(logger, 'open-day-confirmation', () =>
        registerForOpenDay(mail, openDay, body, organisation),
      );
      res.status(202).json({ status: 'check-your-email' });
    },
  );

  registerRoute(
    router,
    routes.cancelOpenDayRegistration,
    [rateLimit(env, { bucket: 'openDayCancellations', ...OPEN_DAY_RATE_LIMITS.cancellationsPerIp })],
    async ({ body: { token } }, req, res) => {
      await cancelRegistrationByToken(openDayMailContext(context, req), services.accessEvents, token);
      res.json({ status: 'cancelled' });
    },
  );

  registerRoute(
    router,
    routes.startOpenDayPassSession,
    [rateLimit(env, { bucket: 'openDayPassSessions', ...OPEN_DAY_RATE_LIMITS.passSessionsPerIp })],
    async ({ body: { token } }, req, res) => {
      const pass = await VisitorPassModel.findOne({
        tokenHash: hashToken(token),
        openDayId: trusted({ $ne: null }),
      }).lean();
      if (!pass)
        throw new AppError('not_found', 'This pass link is not valid. Use the link in your latest email.');
      if (pass.revokedAt || pass.expiresAt <= new Date())
        throw new AppError('gone', 'This pass has ended or was cancelled.');
      const [registration, openDay] = await Promise.all([
        OpenDayRegistrationModel.findOne({ passId: pass._id }),
        OpenDayModel.findById(pass.openDayId),
      ]);
      if (!registration || !openDay) throw new AppError('gone', 'This pass has ended.');
      if (req.caller) {
        await endSession(req.caller.sessionId);
        await services.accessEvents.publish({ type: 'session.ended', sessionId: req.caller.sessionId });
      }
      const session = await createVisitorSession(
        {
          passId: String(pass._id),
          roomId: String(openDay.roomId),
          displayName: registration.displayName,
          passExpiresAt: pass.expiresAt,
        },
        env,
      );
      setSessionCookie(req, res, session.token, session.expiresAt);
      const loaded = await loadPassForCaller({
        kind: 'visitor',
        sessionId: '',
        visitor: { id: session.visitorId, displayName: registration.displayName },
        passId: String(pass._id),
        roomId: String(openDay.roomId),
        expiresAt: session.expiresAt,
        openDay: { id: String(openDay._id), liveFrom: pass.liveFrom!, liveUntil: pass.liveUntil! },
      });
      const feedbackGiven = Boolean(await OpenDayFeedbackModel.exists({ _id: registration._id }));
      res.json({
        pass: await presentPass(openDay, registration, loaded.phase, loaded.abilities, feedbackGiven),
      });
    },
  );

  return router;
}
