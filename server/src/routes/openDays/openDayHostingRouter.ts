import { Router } from 'express';
import { routes } from '@common-ground/shared';
import type { AppContext } from '../../AppContext.ts';
import { recordAudit } from '../../audit/recordAudit.ts';
import { offerConversation } from '../../commands/openDays/conversationOfferer.ts';
import { recordPresenter, withdrawPresenterConsent } from '../../commands/openDays/presenterConsents.ts';
import { moderateQuestion } from '../../commands/openDays/questionModerator.ts';
import { requireUser } from '../../middlewares/authenticate.ts';
import { OpenDayPresenterModel } from '../../models/OpenDayPresenter.ts';
import { OpenDayRegistrationModel } from '../../models/OpenDayRegistration.ts';
import { exportFilename } from '../../exporters/exportFilename.ts';
import { loadHostedOpenDay } from '../../policies/openDayPolicy.ts';
import { presentHostQuestion } from '../../presenters/presentOpenDayQuestion.ts';
import {
  attendanceCsv,
  attendedRegistrationIds,
  openDayDashboard,
} from '../../queries/openDays/openDayDashboard.ts';
import { hostQueue, hostQuestion } from '../../queries/openDays/openDayQuestions.ts';
import { registerRoute } from '../registerRoute.ts';
import { openDayMailContext } from './openDayMailContext.ts';

type PresenterLike = {
  _id: unknown;
  firstName: string;
  consentToPresent: boolean;
  consentToRecording: boolean;
  recordedAt: Date;
  withdrawnAt?: Date | null;
};
const presentPresenter = (presenter: PresenterLike) => ({
  id: String(presenter._id),
  firstName: presenter.firstName,
  consentToPresent: presenter.consentToPresent,
  consentToRecording: presenter.consentToRecording,
  recordedAt: presenter.recordedAt.toISOString(),
  withdrawnAt: presenter.withdrawnAt?.toISOString() ?? null,
});

/** Running an open day: registrations, moderation, presenters, headcount, attendance, dashboard, conversations. */
export function openDayHostingRouter(context: AppContext): Router {
  const router = Router();
  const live = context.services.openDays;

  registerRoute(router, routes.listOpenDayRegistrations, async ({ params: { id } }, req, res) => {
    const { openDay } = await loadHostedOpenDay(requireUser(req), id);
    const [registrations, attended] = await Promise.all([
      OpenDayRegistrationModel.find({ openDayId: openDay._id }).sort({ createdAt: 1 }).lean(),
      attendedRegistrationIds(id),
    ]);
    res.json({
      registrations: registrations.map((registration) => ({
        id: String(registration._id),
        displayName: registration.displayName,
        email: registration.email,
        organisation: {
          id: registration.organisationId ? String(registration.organisationId) : null,
          name: registration.organisationName,
          verified: registration.organisationVerified,
        },
        role: registration.role,
        context: registration.context ?? '',
        wantToFindOut: registration.wantToFindOut ?? '',
        adjustments: registration.adjustments ?? '',
        status: registration.status as 'confirmed' | 'waiting' | 'cancelled',
        attended: attended.has(String(registration._id)),
        registeredAt: registration.createdAt.toISOString(),
        conversationOfferedAt: registration.conversationOfferedAt?.toISOString() ?? null,
      })),
    });
  });

  registerRoute(
    router,
    routes.offerConversation,
    async ({ params: { id, registrationId }, body }, req, res) => {
      const caller = requireUser(req);
      const { openDay } = await loadHostedOpenDay(caller, id);
      await offerConversation(openDayMailContext(context, req), openDay, registrationId, body.message, {
        name: caller.user.displayName,
        email: caller.user.email,
      });
      await recordAudit('openDay.conversationOffered', {
        req,
        communityId: String(openDay.communityId),
        detail: { openDayId: id, registrationId },
      });
      res.status(202).json({ status: 'sent' });
    },
  );

  registerRoute(router, routes.exportOpenDayAttendance, async ({ params: { id } }, req, res) => {
    const { openDay } = await loadHostedOpenDay(requireUser(req), id);
    const csv = await attendanceCsv(id);
    await recordAudit('openDay.attendanceExported', {
      req,
      communityId: String(openDay.communityId),
      detail: { openDayId: id },
    });
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="${exportFilename(`${openDay.title} attendance`, 'csv')}"`,
    );
    res.setHeader('Cache-Control', 'private, no-store');
    res.send(csv);
  });

  registerRoute(router, routes.getOpenDayHeadcount, async ({ params: { id } }, req, res) => {
    await loadHostedOpenDay(requireUser(req), id);
    res.json(await live.headcount(id));
  });

  registerRoute(router, routes.getOpenDayDashboard, async ({ params: { id } }, req, res) => {
    await loadHostedOpenDay(requireUser(req), id);
    res.json(await openDayDashboard(id));
  });

  registerRoute(router, routes.listQuestionQueue, async ({ params: { id } }, req, res) => {
    await loadHostedOpenDay(requireUser(req), id);
    res.json({ questions: await hostQueue(id) });
  });

  registerRoute(router, routes.moderateQuestion, async ({ params: { id, questionId }, body }, req, res) => {
    await loadHostedOpenDay(requireUser(req), id);
    const moderated = await moderateQuestion(id, questionId, body);
    await live.questionChanged(moderated.question, moderated.wasPublic);
    if (moderated.mergedInto) await live.questionChanged(moderated.mergedInto, true);
    const question = await hostQuestion(questionId);
    res.json({ question: question ?? presentHostQuestion(moderated.question, null) });
  });

  registerRoute(router, routes.listPresenters, async ({ params: { id } }, req, res) => {
    await loadHostedOpenDay(requireUser(req), id);
    const presenters = await OpenDayPresenterModel.find({ openDayId: id }).sort({ recordedAt: 1 }).lean();
    res.json({ presenters: presenters.map(presentPresenter) });
  });

  registerRoute(router, routes.createPresenter, async ({ params: { id }, body }, req, res) => {
    const caller = requireUser(req);
    await loadHostedOpenDay(caller, id);
    const presenter = await recordPresenter(id, caller.user.id, body);
    res.status(201).json({ presenter: presentPresenter(presenter) });
  });

  registerRoute(
    router,
    routes.withdrawPresenterConsent,
    async ({ params: { id, presenterId }, body }, req, res) => {
      await loadHostedOpenDay(requireUser(req), id);
      const presenter = await withdrawPresenterConsent(id, presenterId, body.consent);
      res.json({ presenter: presentPresenter(presenter) });
    },
  );

  return router;
}
