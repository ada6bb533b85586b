import { z } from 'zod';
import { idSchema, isoDateSchema, nameSchema } from './common.ts';

/**
 * `POST /api/hosted-open-days/:id/presenters` body: a young person or family member presenting from lived
 * experience, by first name only, with the consent the host recorded before the day.
 */
export const createPresenterBodySchema = z.strictObject({
  firstName: z
    .string()
    .trim()
    .pipe(nameSchema)
    .refine((name) => !/\s/.test(name), { message: 'first name only' }),
  consentToPresent: z.literal(true),
  consentToRecording: z.boolean(),
});
export type CreatePresenterBody = z.input<typeof createPresenterBodySchema>;

/** `POST /api/hosted-open-days/:id/presenters/:presenterId/withdrawal` body: what consent is withdrawn. */
export const withdrawConsentBodySchema = z.strictObject({ consent: z.enum(['recording', 'all']) });

/** A presenter's consent record; presenters never count in headcounts, attendance or exports. */
export const presenterSchema = z.object({
  id: idSchema,
  firstName: z.string(),
  consentToPresent: z.boolean(),
  consentToRecording: z.boolean(),
  recordedAt: isoDateSchema,
  withdrawnAt: isoDateSchema.nullable(),
});
export type Presenter = z.infer<typeof presenterSchema>;
export const presenterResponseSchema = z.object({ presenter: presenterSchema });
export const presenterListSchema = z.object({ presenters: z.array(presenterSchema) });
export const presenterParamsSchema = z.strictObject({ id: idSchema, presenterId: idSchema });

/** The host's live headcount: visitors present now, by organisation (hosts and presenters are not counted). */
export const hostHeadcountSchema = z.object({
  openDayId: idSchema,
  present: z.number().int(),
  organisations: z.array(z.object({ name: z.string(), verified: z.boolean(), present: z.number().int() })),
});
export type HostHeadcount = z.infer<typeof hostHeadcountSchema>;

/** Feedback text grouped by the question it answers. */
export const feedbackTextGroupsSchema = z.object({
  nextStep: z.array(z.string()),
  whoElse: z.array(z.string()),
  whatWouldStop: z.array(z.string()),
});

/** The host dashboard: registrations against attendance, questions, and the feedback, all from real records. */
export const openDayDashboardSchema = z.object({
  openDayId: idSchema,
  registrations: z.object({
    confirmed: z.number().int(),
    waiting: z.number().int(),
    cancelled: z.number().int(),
    attended: z.number().int(),
  }),
  questions: z.object({
    pending: z.number().int(),
    approved: z.number().int(),
    answered: z.number().int(),
    rejected: z.number().int(),
    merged: z.number().int(),
  }),
  feedback: z.object({
    responses: z.number().int(),
    /** How many gave each rating, index 0 for 1 up to index 4 for 5. */
    usefulnessCounts: z.array(z.number().int()).length(5),
    /** The mean rating, or null with no responses. */
    usefulnessAverage: z.number().nullable(),
    wouldLikeToTalk: z.number().int(),
    text: feedbackTextGroupsSchema,
  }),
  /** Visitors who would like to talk about adopting, for the host to offer a conversation. */
  wouldLikeToTalk: z.array(
    z.object({
      registrationId: idSchema,
      displayName: z.string(),
      organisationName: z.string(),
      conversationOfferedAt: isoDateSchema.nullable(),
    }),
  ),
});
export type OpenDayDashboard = z.infer<typeof openDayDashboardSchema>;
