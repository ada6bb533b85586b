import { Router } from 'express';
import { CONTENT_FIELD, routes, type PreRead } from '@common-ground/shared';
import type { AppContext } from '../../AppContext.ts';
import { recordAttendanceOnJourneys } from '../../commands/openDays/attendanceOnJourneys.ts';
import { recordFeedback } from '../../commands/openDays/feedbackRecorder.ts';
import { askQuestion } from '../../commands/openDays/questionAsker.ts';
import { voteForQuestion } from '../../commands/openDays/questionVoter.ts';
import { trusted } from '../../database/trusted.ts';
import { AppError } from '../../errors.ts';
import { documentToHtml, htmlPage } from '../../exporters/documentToHtml.ts';
import { exportFilename } from '../../exporters/exportFilename.ts';
import { renderPdf } from '../../exporters/renderPdf.ts';
import { requireCaller } from '../../middlewares/authenticate.ts';
import { InnovationModel } from '../../models/Innovation.ts';
import { LearningDocumentModel } from '../../models/LearningDocument.ts';
import type { OpenDayRecord } from '../../models/OpenDay.ts';
import { OpenDayFeedbackModel } from '../../models/OpenDayFeedback.ts';
import { OpenDayQuestionModel } from '../../models/OpenDayQuestion.ts';
import { RoomModel } from '../../models/Room.ts';
import { loadPassForCaller, requirePassAbility } from '../../policies/openDayPolicy.ts';
import { presentInnovation } from '../../presenters/presentInnovation.ts';
import { presentPass, whatItTookOf } from '../../presenters/presentOpenDay.ts';
import { presentOwnQuestion, presentPublicQuestion } from '../../presenters/presentOpenDayQuestion.ts';
import { presentRoom } from '../../presenters/presentRoom.ts';
import { ownQuestions, publicQuestions } from '../../queries/openDays/openDayQuestions.ts';
import { registerRoute } from '../registerRoute.ts';

/** The pre-read: the linked innovation's profile, the host's "what it took" page and the documents' titles. */
async function preReadOf(openDay: OpenDayRecord): Promise<PreRead> {
  const [innovation, documents] = await Promise.all([
    openDay.innovationId ? InnovationModel.findById(openDay.innovationId) : null,
    LearningDocumentModel.find({ _id: trusted({ $in: openDay.preReadDocumentIds }) }, { title: 1 }).lean(),
  ]);
  const titleById = new Map(documents.map((document) => [String(document._id), document.title]));
  return {
    innovation: innovation ? await presentInnovation(innovation, { view: true, edit: false }) : null,
    whatItTook: whatItTookOf(openDay),
    documents: openDay.preReadDocumentIds.flatMap((id) => {
      const title = titleById.get(String(id));
      return title === undefined ? [] : [{ id: String(id), title }];
    }),
  };
}

/**
 * A visitor's own pass. Every route loads the pass from the session and asks what its phase allows; questions,
 * votes and feedback are the only things a visitor writes.
 */
export function openDayPassRouter(context: AppContext): Router {
  const router = Router();
  const { env, services } = context;

  registerRoute(router, routes.getOpenDayPass, async (_input, req, res) => {
    const pass = await loadPassForCaller(requireCaller(req));
    const feedbackGiven = Boolean(await OpenDayFeedbackModel.exists({ _id: pass.registration._id }));
    res.json({
      pass: await presentPass(pass.openDay, pass.registration, pass.phase, pass.abilities, feedbackGiven),
    });
  });

  registerRoute(router, routes.getOpenDayPreRead, async (_input, req, res) => {
    const pass = await loadPassForCaller(requireCaller(req));
    requirePassAbility(pass, 'readPreRead');
    res.json({ preRead: await preReadOf(pass.openDay) });
  });

  registerRoute(
    router,
    routes.readPreReadDocument,
    async ({ params: { id }, query: { format } }, req, res) => {
      const pass = await loadPassForCaller(requireCaller(req));
      requirePassAbility(pass, 'readPreRead');
      if (!pass.openDay.preReadDocumentIds.some((documentId) => String(documentId) === id))
        throw new AppError('not_found', 'Document not found.');
      const document = await LearningDocumentModel.findById(id, { title: 1 }).lean();
      if (!document) throw new AppError('not_found', 'Document not found.');
      const content = (await services.documents.read(id)).getXmlFragment(CONTENT_FIELD);
      const page = htmlPage(document.title, documentToHtml(content));
      res.setHeader('Cache-Control', 'private, no-store');
      if (format === 'pdf') {
        const pdf = await renderPdf(page);
        res.setHeader('Content-Type', 'application/pdf');
        res.setHeader(
          'Content-Disposition',
          `attachment; filename="${exportFilename(document.title, 'pdf')}"`,
        );
        res.send(pdf);
        return;
      }
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.setHeader(
        'Content-Security-Policy',
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
      );
      res.send(page);
    },
  );

  registerRoute(router, routes.getOpenDayLive, async (_input, req, res) => {
    const caller = requireCaller(req);
    const pass = await loadPassForCaller(caller);
    requirePassAbility(pass, 'enterLiveRoom');
    const room = await RoomModel.findById(pass.openDay.roomId);
    if (!room) throw new AppError('gone', 'This open day has ended.');
    const openDayId = String(pass.openDay._id);
    res.json({
      openDayId,
      room: await presentRoom(room, 'visitor'),
      documentId: String(room.documentId),
      watching: services.openDays.lastWatching(openDayId),
      hostHeadingId: services.openDays.lastHeading(openDayId) ?? pass.openDay.hostHeadingId ?? null,
    });
  });

  registerRoute(router, routes.listPassQuestions, async (_input, req, res) => {
    const caller = requireCaller(req);
    const pass = await loadPassForCaller(caller);
    if (pass.phase === 'ended' || pass.phase === 'cancelled') requirePassAbility(pass, 'readPreRead');
    const openDayId = String(pass.openDay._id);
    res.json({
      questions: await publicQuestions(openDayId, caller.kind === 'visitor' ? caller.passId : null),
      mine: caller.kind === 'visitor' ? await ownQuestions(openDayId, caller.passId) : [],
    });
  });

  registerRoute(router, routes.askOpenDayQuestion, async ({ body }, req, res) => {
    const caller = requireCaller(req);
    const pass = await loadPassForCaller(caller);
    requirePassAbility(pass, 'askQuestions');
    if (caller.kind !== 'visitor') throw new AppError('forbidden', 'Only visitors ask questions here.');
    const question = await askQuestion(
      String(pass.openDay._id),
      caller.passId,
      body.text,
      body.personalDataChecked,
      { rateLimited: !env.DISABLE_RATE_LIMITS },
    );
    await services.openDays.questionChanged(question, false);
    res.status(201).json({ question: presentOwnQuestion(question) });
  });

  registerRoute(router, routes.voteForQuestion, async ({ params: { id } }, req, res) => {
    const caller = requireCaller(req);
    const pass = await loadPassForCaller(caller);
    requirePassAbility(pass, 'vote');
    if (caller.kind !== 'visitor') throw new AppError('forbidden', 'Only visitors vote.');
    const question = await voteForQuestion(String(pass.openDay._id), caller.passId, id);
    await services.openDays.questionChanged(question, true);
    res.json({ question: presentPublicQuestion(question, true) });
  });

  registerRoute(router, routes.getTakeBackPack, async (_input, req, res) => {
    const pass = await loadPassForCaller(requireCaller(req));
    requirePassAbility(pass, 'readTakeBack');
    const { openDay } = pass;
    const answered = await OpenDayQuestionModel.find({ openDayId: openDay._id, status: 'answered' })
      .sort({ votes: -1, approvedAt: 1 })
      .lean();
    const presented = await presentPass(openDay, pass.registration, pass.phase, pass.abilities, false);
    res.json({
      pack: {
        title: openDay.title,
        hostOrganisation: presented.openDay.hostOrganisation,
        summary: openDay.summary ?? '',
        answeredQuestions: answered.map((question) => ({
          id: String(question._id),
          text: question.text,
          answer: question.answer ?? '',
        })),
        preRead: await preReadOf(openDay),
        contact: openDay.contact?.email
          ? {
              name: openDay.contact.name ?? '',
              email: openDay.contact.email,
              role: openDay.contact.role ?? null,
            }
          : null,
        recordingUrl: openDay.recordingUrl ?? null,
      },
    });
  });

  registerRoute(router, routes.submitOpenDayFeedback, async ({ body }, req, res) => {
    const pass = await loadPassForCaller(requireCaller(req));
    requirePassAbility(pass, 'giveFeedback');
    const feedback = await recordFeedback(pass.registration, body);
    await recordAttendanceOnJourneys(pass.registration, feedback.attendanceOnJourney ?? false);
    res.json({
      feedback: {
        usefulness: feedback.usefulness,
        nextStep: feedback.nextStep ?? '',
        whoElse: feedback.whoElse ?? '',
        whatWouldStop: feedback.whatWouldStop ?? '',
        wouldLikeToTalk: feedback.wouldLikeToTalk ?? false,
        attendanceOnJourney: feedback.attendanceOnJourney ?? false,
        submittedAt: feedback.submittedAt.toISOString(),
      },
    });
  });

  return router;
}
