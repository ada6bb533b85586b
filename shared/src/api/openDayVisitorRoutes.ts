import { emptyBodySchema, idParamsSchema } from '../schemas/common.ts';
import {
  askQuestionBodySchema,
  ownQuestionResponseSchema,
  passQuestionsSchema,
  publicQuestionResponseSchema,
  questionParamsSchema,
} from '../schemas/openDayQuestions.ts';
import {
  cancelRegistrationBodySchema,
  feedbackBodySchema,
  feedbackResponseSchema,
  openDayLiveSchema,
  openDayPassResponseSchema,
  preReadDocumentQuerySchema,
  preReadResponseSchema,
  registerForOpenDayBodySchema,
  registrationAcceptedSchema,
  registrationCancelledSchema,
  startPassSessionBodySchema,
  takeBackPackResponseSchema,
} from '../schemas/openDayRegistrations.ts';
import {
  openDayOrganisationListSchema,
  openDaySlugParamsSchema,
  publicOpenDayResponseSchema,
} from '../schemas/openDays.ts';
import { defineRoute } from './HttpRoute.ts';

/** Anyone: an open day's public page, registration and cancellation from the emailed link. */
const publicRoutes = {
  getOpenDay: defineRoute({
    method: 'get',
    path: '/api/open-days/{slug}',
    summary: 'An open day’s public details, with places left',
    auth: 'none',
    params: openDaySlugParamsSchema,
    status: 200,
    response: publicOpenDayResponseSchema,
  }),
  listOpenDayOrganisations: defineRoute({
    method: 'get',
    path: '/api/open-days/{slug}/organisations',
    summary: 'The verified organisations a visitor may pick when registering',
    auth: 'none',
    params: openDaySlugParamsSchema,
    status: 200,
    response: openDayOrganisationListSchema,
  }),
  registerForOpenDay: defineRoute({
    method: 'post',
    path: '/api/open-days/{slug}/registrations',
    summary: 'Register by work email; always 202, the pass comes only by email',
    auth: 'none',
    params: openDaySlugParamsSchema,
    body: registerForOpenDayBodySchema,
    status: 202,
    response: registrationAcceptedSchema,
  }),
  cancelOpenDayRegistration: defineRoute({
    method: 'post',
    path: '/api/open-day-registrations/cancellation',
    summary: 'Give up a place, with the token from the emailed link',
    auth: 'none',
    body: cancelRegistrationBodySchema,
    status: 200,
    response: registrationCancelledSchema,
  }),
  startOpenDayPassSession: defineRoute({
    method: 'post',
    path: '/api/open-day-passes/session',
    summary: 'Open a pass from its emailed link: starts a visitor session for that open day only',
    auth: 'none',
    body: startPassSessionBodySchema,
    status: 200,
    response: openDayPassResponseSchema,
  }),
};

/** The visitor's own pass: each route refuses, with `wrong_phase`, what belongs to another phase. */
const passRoutes = {
  getOpenDayPass: defineRoute({
    method: 'get',
    path: '/api/open-day-pass',
    summary: 'The caller’s pass: the open day, its phase, and what the pass allows now',
    auth: 'user-or-visitor',
    status: 200,
    response: openDayPassResponseSchema,
  }),
  getOpenDayPreRead: defineRoute({
    method: 'get',
    path: '/api/open-day-pass/pre-read',
    summary: 'The pre-read: the innovation’s profile, what it took, and the documents',
    auth: 'user-or-visitor',
    status: 200,
    response: preReadResponseSchema,
  }),
  readPreReadDocument: defineRoute({
    method: 'get',
    path: '/api/open-day-pass/documents/{id}',
    summary: 'A pre-read document as HTML (to read) or PDF (to download)',
    auth: 'user-or-visitor',
    params: idParamsSchema,
    query: preReadDocumentQuerySchema,
    status: 200,
  }),
  getOpenDayLive: defineRoute({
    method: 'get',
    path: '/api/open-day-pass/live',
    summary: 'The live room, during the live window only',
    auth: 'user-or-visitor',
    status: 200,
    response: openDayLiveSchema,
  }),
  listPassQuestions: defineRoute({
    method: 'get',
    path: '/api/open-day-pass/questions',
    summary: 'Approved questions by votes, and the caller’s own',
    auth: 'user-or-visitor',
    status: 200,
    response: passQuestionsSchema,
  }),
  askOpenDayQuestion: defineRoute({
    method: 'post',
    path: '/api/open-day-pass/questions',
    summary: 'Ask a question (before or during the day); it waits for a host',
    auth: 'user-or-visitor',
    body: askQuestionBodySchema,
    status: 201,
    response: ownQuestionResponseSchema,
  }),
  voteForQuestion: defineRoute({
    method: 'put',
    path: '/api/open-day-pass/questions/{id}/vote',
    summary: 'Upvote an approved question, once per pass',
    auth: 'user-or-visitor',
    params: questionParamsSchema,
    body: emptyBodySchema,
    status: 200,
    response: publicQuestionResponseSchema,
  }),
  getTakeBackPack: defineRoute({
    method: 'get',
    path: '/api/open-day-pass/take-back',
    summary: 'The take-back pack, after the day',
    auth: 'user-or-visitor',
    status: 200,
    response: takeBackPackResponseSchema,
  }),
  submitOpenDayFeedback: defineRoute({
    method: 'put',
    path: '/api/open-day-pass/feedback',
    summary: 'Give (or change) feedback, after the day',
    auth: 'user-or-visitor',
    body: feedbackBodySchema,
    status: 200,
    response: feedbackResponseSchema,
  }),
};

/** Every open-day route. */
/** Everything a visitor to an open day calls: its public page and registration, then their pass. */
export const openDayVisitorRoutes = { ...publicRoutes, ...passRoutes };
