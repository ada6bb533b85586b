import { z } from 'zod';
import { displayNameSchema, emailSchema, idSchema, isoDateSchema, nameSchema, textSchema } from './common.ts';
import { innovationSchema } from './innovations.ts';
import { OPEN_DAY_PHASES, openDayContactSchema, openDayTimesSchema, whatItTookSchema } from './openDays.ts';
import { roomSchema } from './rooms.ts';

/**
 * `POST /api/open-days/:slug/registrations` body. The organisation is either picked from the verified list
 * (`organisationId`) or typed (`organisationName`, shown as unverified); exactly one of them.
 */
export const registerForOpenDayBodySchema = z
  .strictObject({
    displayName: displayNameSchema,
    email: emailSchema,
    organisationId: idSchema.optional(),
    organisationName: nameSchema.optional(),
    /** The visitor's job role, e.g. "Head of Service". */
    role: nameSchema,
    context: textSchema.optional(),
    wantToFindOut: textSchema.optional(),
    adjustments: textSchema.optional(),
  })
  .refine((body) => (body.organisationId === undefined) !== (body.organisationName === undefined), {
    message: 'pick your organisation from the list or type its name',
    path: ['organisationName'],
  });
export type RegisterForOpenDayBody = z.input<typeof registerForOpenDayBodySchema>;

/** The one reply to every registration, whoever registers: the pass link only ever goes by email. */
export const registrationAcceptedSchema = z.object({ status: z.literal('check-your-email') });

/** `POST /api/open-day-registrations/cancellation` body: the token from the emailed link. */
export const cancelRegistrationBodySchema = z.strictObject({ token: z.string().min(16).max(128) });
export const registrationCancelledSchema = z.object({ status: z.literal('cancelled') });

/** A registration's standing: holding a place, on the waiting list, or cancelled by the visitor. */
export const REGISTRATION_STATUSES = ['confirmed', 'waiting', 'cancelled'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/** A registration as its hosts see it (until the personal data is deleted after the after phase). */
export const hostRegistrationSchema = z.object({
  id: idSchema,
  displayName: z.string(),
  email: z.string(),
  organisation: z.object({ id: idSchema.nullable(), name: z.string(), verified: z.boolean() }),
  role: z.string(),
  context: z.string(),
  wantToFindOut: z.string(),
  adjustments: z.string(),
  status: z.enum(REGISTRATION_STATUSES),
  attended: z.boolean(),
  registeredAt: isoDateSchema,
  /** When the host offered a conversation about adopting, if they have. */
  conversationOfferedAt: isoDateSchema.nullable(),
});
export type HostRegistration = z.infer<typeof hostRegistrationSchema>;
export const hostRegistrationListSchema = z.object({ registrations: z.array(hostRegistrationSchema) });

/** `POST /api/open-day-passes/session` body: the token from the emailed pass link. */
export const startPassSessionBodySchema = z.strictObject({ token: z.string().min(16).max(128) });

/** What a pass lets its holder do now; the server decides it with `openDayPassAbilities`. */
export const passAbilitiesSchema = z.object({
  readPreRead: z.boolean(),
  askQuestions: z.boolean(),
  vote: z.boolean(),
  enterLiveRoom: z.boolean(),
  readTakeBack: z.boolean(),
  giveFeedback: z.boolean(),
});
export type PassAbilities = z.infer<typeof passAbilitiesSchema>;

/** The visitor's own pass: the open day, the phase it is in, and what it allows now. */
export const openDayPassSchema = z.object({
  openDay: z.object({
    id: idSchema,
    slug: z.string(),
    title: z.string(),
    description: z.string(),
    hostOrganisation: z.object({ id: idSchema, name: z.string() }).nullable(),
    times: openDayTimesSchema,
    venue: z.string().nullable(),
    accessInformation: z.string().nullable(),
    onlineJoinUrl: z.string().nullable(),
    safeguardingLead: z.object({ name: z.string(), email: z.string(), phone: z.string().nullable() }),
  }),
  visitor: z.object({ displayName: z.string(), organisationName: z.string() }),
  status: z.enum(REGISTRATION_STATUSES),
  phase: z.enum(OPEN_DAY_PHASES),
  abilities: passAbilitiesSchema,
  feedbackGiven: z.boolean(),
});
export type OpenDayPass = z.infer<typeof openDayPassSchema>;
export const openDayPassResponseSchema = z.object({ pass: openDayPassSchema });

/** A pre-read document: readable as HTML (`html`) and downloadable as PDF through its own route. */
export const preReadDocumentSchema = z.object({ id: idSchema, title: z.string() });
export type PreReadDocument = z.infer<typeof preReadDocumentSchema>;

/** The pre-read pack: the linked innovation's profile, the host's "what it took" page and the documents. */
export const preReadSchema = z.object({
  innovation: innovationSchema.nullable(),
  whatItTook: z.object(whatItTookSchema.shape),
  documents: z.array(preReadDocumentSchema),
});
export type PreRead = z.infer<typeof preReadSchema>;
export const preReadResponseSchema = z.object({ preRead: preReadSchema });

/** `GET /api/open-day-pass/documents/:id` query: the format to read it in. */
export const preReadDocumentQuerySchema = z.strictObject({ format: z.enum(['html', 'pdf']).default('html') });

/** The live room during the live window: the room, its document, and how many people are watching. */
export const openDayLiveSchema = z.object({
  openDayId: idSchema,
  room: roomSchema,
  documentId: idSchema,
  watching: z.number().int(),
  /** The heading the host is on, for "jump to where the host is"; null until the host shares one. */
  hostHeadingId: z.string().nullable(),
});
export type OpenDayLive = z.infer<typeof openDayLiveSchema>;

/** The feedback form, as the visitor sends it. */
export const feedbackBodySchema = z.strictObject({
  usefulness: z.number().int().min(1).max(5),
  nextStep: textSchema.default(''),
  whoElse: textSchema.default(''),
  whatWouldStop: textSchema.default(''),
  wouldLikeToTalk: z.boolean().default(false),
  /** Whether attendance may go on a partnership's journey; never without this. */
  attendanceOnJourney: z.boolean().default(false),
});
export type FeedbackBody = z.input<typeof feedbackBodySchema>;
export const feedbackSchema = z.object({
  usefulness: z.number().int(),
  nextStep: z.string(),
  whoElse: z.string(),
  whatWouldStop: z.string(),
  wouldLikeToTalk: z.boolean(),
  attendanceOnJourney: z.boolean(),
  submittedAt: isoDateSchema,
});
export type Feedback = z.infer<typeof feedbackSchema>;
export const feedbackResponseSchema = z.object({ feedback: feedbackSchema });

/** An answered question as the take-back pack lists it. */
export const answeredQuestionSchema = z.object({ id: idSchema, text: z.string(), answer: z.string() });

/** The take-back pack: what a visitor can brief their leaders with. */
export const takeBackPackSchema = z.object({
  title: z.string(),
  hostOrganisation: z.object({ id: idSchema, name: z.string() }).nullable(),
  summary: z.string(),
  answeredQuestions: z.array(answeredQuestionSchema),
  preRead: preReadSchema,
  contact: z.object(openDayContactSchema.shape).extend({ role: z.string().nullable() }).nullable(),
  recordingUrl: z.string().nullable(),
});
export type TakeBackPack = z.infer<typeof takeBackPackSchema>;
export const takeBackPackResponseSchema = z.object({ pack: takeBackPackSchema });

/** `POST /api/hosted-open-days/:id/registrations/:registrationId/conversation-offer` body. */
export const conversationOfferBodySchema = z.strictObject({ message: textSchema.pipe(z.string().min(1)) });
export const conversationOfferedSchema = z.object({ status: z.literal('sent') });

export const hostRegistrationParamsSchema = z.strictObject({ id: idSchema, registrationId: idSchema });
