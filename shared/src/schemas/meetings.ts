import { z } from 'zod';
import { cleanText } from '../text/cleanText.ts';
import { idSchema, isoDateSchema, nameSchema } from './common.ts';

/** Sizes of a learning set's meetings. */
export const MEETING_LIMITS = {
  /** Most stages in one meeting (five presenters take fifteen). */
  stages: 40,
  /** Longest stage, and the most one bid may ask for. */
  stageMinutes: 180,
  /** Most seconds added to the clock at once. */
  addSeconds: 60 * 60,
  /** Longest bid topic, action or reflection. */
  textLength: 1000,
  /** Most actions one person may hold from one meeting. */
  actionsPerMeeting: 20,
  /** When the clock warns that time is running out (announced once). */
  warningSeconds: 120,
  /** How long a set's content is kept after it ends, by default, and at most. */
  defaultKeepMonths: 6,
  maxKeepMonths: 36,
} as const;

/** What a stage of a meeting is for. */
export const STAGE_KINDS = [
  'check-in',
  'reflection',
  'bids',
  'presenting',
  'questions',
  'presenter-reflection',
  'review',
  'close',
] as const;
export type StageKind = (typeof STAGE_KINDS)[number];

/** Stage kinds that belong to one presenter's slot (created by ordering the bids). */
export const PRESENTER_STAGE_KINDS: readonly StageKind[] = [
  'presenting',
  'questions',
  'presenter-reflection',
];

export const MEETING_STATUSES = ['scheduled', 'live', 'ended'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

const stageIdSchema = z.string().regex(/^[a-z0-9-]{1,40}$/, 'must be a stage id');
const minutesSchema = z.number().int().min(1).max(MEETING_LIMITS.stageMinutes);
const meetingTextSchema = z
  .string()
  .overwrite((text) => cleanText(text).trim())
  .min(1, 'cannot be empty')
  .max(MEETING_LIMITS.textLength);

/** One stage on the process board. */
export const meetingStageSchema = z.strictObject({
  id: stageIdSchema,
  kind: z.enum(STAGE_KINDS),
  title: nameSchema,
  minutes: minutesSchema,
  presenterId: idSchema.optional(),
});
export type MeetingStage = z.infer<typeof meetingStageSchema>;

/**
 * The server's clock for the current stage. Remaining seconds = durationSeconds - ((pausedAt ?? now) - startedAt),
 * where `now` is the server time sent with it, so every screen shows the same time.
 */
export const meetingTimerSchema = z.object({
  stageId: z.string(),
  startedAt: isoDateSchema,
  pausedAt: isoDateSchema.optional(),
  durationSeconds: z.number().int().min(0),
});
export type MeetingTimer = z.infer<typeof meetingTimerSchema>;

export const meetingSettingsSchema = z.strictObject({
  /** Whether the room's discussion takes typed questions for the presenter (off: questions are spoken). */
  typedQuestions: z.boolean(),
});
export type MeetingSettings = z.infer<typeof meetingSettingsSchema>;

/** A meeting of a learning set, as everyone in the set sees it. */
export const meetingSchema = z.object({
  id: idSchema,
  roomId: idSchema,
  title: z.string(),
  startsAt: isoDateSchema,
  status: z.enum(MEETING_STATUSES),
  stages: z.array(meetingStageSchema),
  currentStageId: z.string().nullable(),
  /** Null before the clock starts, and for everyone but the presenter while the presenter hides it. */
  timer: meetingTimerSchema.nullable(),
  /** The presenter hid the clock during their own slot. */
  clockHidden: z.boolean(),
  settings: meetingSettingsSchema,
  /** A member a facilitator handed this meeting to; null when the set's facilitators run it. */
  runnerId: idSchema.nullable(),
});
export type Meeting = z.infer<typeof meetingSchema>;

/** A bid for time: how long, and optionally what about. */
export const meetingBidSchema = z.object({
  id: idSchema,
  meetingId: idSchema,
  userId: idSchema,
  displayName: z.string(),
  minutes: z.number().int(),
  topic: z.string().nullable(),
  createdAt: isoDateSchema,
});
export type MeetingBid = z.infer<typeof meetingBidSchema>;

export const ACTION_STATUSES = ['open', 'reflected'] as const;

/** An action a presenter owns, answered at a later meeting: what did I do, and what did I learn? */
export const meetingActionSchema = z.object({
  id: idSchema,
  meetingId: idSchema,
  ownerId: idSchema,
  ownerName: z.string(),
  text: z.string(),
  status: z.enum(ACTION_STATUSES),
  reflection: z.string().optional(),
  createdAt: isoDateSchema,
});
export type MeetingAction = z.infer<typeof meetingActionSchema>;

/** Who was at a meeting: from live presence, or corrected by hand. Seen only by the set's facilitators. */
export const attendanceEntrySchema = z.object({
  userId: idSchema,
  displayName: z.string(),
  present: z.boolean(),
  source: z.enum(['presence', 'manual']),
});
export type AttendanceEntry = z.infer<typeof attendanceEntrySchema>;

/** `POST /api/rooms/:id/meetings` body. */
export const createMeetingBodySchema = z.strictObject({ title: nameSchema, startsAt: isoDateSchema });
export type CreateMeetingBody = z.infer<typeof createMeetingBodySchema>;

/** `PATCH /api/meetings/:id` body: any of title, time, settings, stages; `runnerId` hands the meeting over. */
export const updateMeetingBodySchema = z.strictObject({
  title: nameSchema.optional(),
  startsAt: isoDateSchema.optional(),
  settings: meetingSettingsSchema.partial().optional(),
  stages: z.array(meetingStageSchema).min(1).max(MEETING_LIMITS.stages).optional(),
  runnerId: idSchema.nullable().optional(),
});
export type UpdateMeetingBody = z.infer<typeof updateMeetingBodySchema>;

/** `POST /api/meetings/:id/presenters` body: bidders in the order they present; makes the presenter stages. */
export const orderPresentersBodySchema = z.strictObject({
  userIds: z.array(idSchema).max(MEETING_LIMITS.stages / 3),
});

/** `PUT /api/meetings/:id/attendance` body: a facilitator's correction, for someone on the phone or in the room. */
export const correctAttendanceBodySchema = z.strictObject({ userId: idSchema, present: z.boolean() });

export const meetingResponseSchema = z.object({ meeting: meetingSchema });
export const meetingListSchema = z.object({ meetings: z.array(meetingSchema) });
export const meetingDetailSchema = z.object({
  meeting: meetingSchema,
  bids: z.array(meetingBidSchema),
  actions: z.array(meetingActionSchema),
  /** Null for anyone but the set's facilitators. */
  attendance: z.array(attendanceEntrySchema).nullable(),
});
export const attendanceResponseSchema = z.object({ attendance: z.array(attendanceEntrySchema) });
export const actionListSchema = z.object({ actions: z.array(meetingActionSchema) });
export const actionsQuerySchema = z.strictObject({ status: z.enum(ACTION_STATUSES).optional() });

/** `GET /api/rooms/:id/cpd?format=` : the caller's own CPD record, as Markdown or PDF. */
export const cpdQuerySchema = z.strictObject({ format: z.enum(['markdown', 'pdf']).default('markdown') });

/** `POST /api/rooms/:id/end` body: the set ends, and its facilitators choose how long its content is kept. */
export const endSetBodySchema = z.strictObject({
  keepMonths: z
    .number()
    .int()
    .min(0)
    .max(MEETING_LIMITS.maxKeepMonths)
    .default(MEETING_LIMITS.defaultKeepMonths),
});
export const endSetResponseSchema = z.object({ endedAt: isoDateSchema, deleteAfter: isoDateSchema });

// Socket payloads.

export const meetingRefPayloadSchema = z.strictObject({ meetingId: idSchema });
export type MeetingRefPayload = z.infer<typeof meetingRefPayloadSchema>;
export const meetingStagePayloadSchema = z.strictObject({ meetingId: idSchema, stageId: stageIdSchema });
export type MeetingStagePayload = z.infer<typeof meetingStagePayloadSchema>;
export const meetingTimerPayloadSchema = z
  .strictObject({
    meetingId: idSchema,
    action: z.enum(['start', 'pause', 'resume', 'add']),
    seconds: z.number().int().min(-MEETING_LIMITS.addSeconds).max(MEETING_LIMITS.addSeconds).optional(),
  })
  .refine((payload) => payload.action !== 'add' || payload.seconds !== undefined, {
    message: 'adding time needs seconds',
    path: ['seconds'],
  });
export type MeetingTimerPayload = z.infer<typeof meetingTimerPayloadSchema>;
export const meetingClockPayloadSchema = z.strictObject({ meetingId: idSchema, hidden: z.boolean() });
export type MeetingClockPayload = z.infer<typeof meetingClockPayloadSchema>;
export const meetingBidPayloadSchema = z.strictObject({
  meetingId: idSchema,
  minutes: minutesSchema,
  topic: meetingTextSchema.optional(),
});
export type MeetingBidPayload = z.infer<typeof meetingBidPayloadSchema>;
/** `action:update`: without `actionId` it writes a new action; with it, changes one's own text or answers it. */
export const actionUpdatePayloadSchema = z
  .strictObject({
    meetingId: idSchema,
    actionId: idSchema.optional(),
    text: meetingTextSchema.optional(),
    reflection: meetingTextSchema.optional(),
  })
  .refine((payload) => payload.text !== undefined || payload.reflection !== undefined, {
    message: 'write the action or its reflection',
  })
  .refine((payload) => payload.actionId !== undefined || payload.reflection === undefined, {
    message: 'a reflection answers an existing action',
    path: ['actionId'],
  });
export type ActionUpdatePayload = z.infer<typeof actionUpdatePayloadSchema>;
/** `question:helpful`: the presenter marks a typed question that helped. */
export const questionHelpfulPayloadSchema = z.strictObject({
  meetingId: idSchema,
  messageId: idSchema,
  helpful: z.boolean(),
});
export type QuestionHelpfulPayload = z.infer<typeof questionHelpfulPayloadSchema>;

/** What joining a meeting answers with. */
export interface MeetingJoinResult {
  meeting: Meeting;
  bids: MeetingBid[];
  actions: MeetingAction[];
  /** The server's time, to offset the clock. */
  now: string;
  /** Messages the presenter marked helpful in this meeting's questions rounds. */
  helpfulMessageIds: string[];
}
/** `meeting:state`, after every change. */
export interface MeetingStateEvent {
  meeting: Meeting;
  now: string;
}

/** A presenter's opt-in notes: a co-edited document from the set-meeting template, written by the people they chose. */
export const meetingNotesSchema = z.object({
  id: idSchema,
  meetingId: idSchema,
  presenterId: idSchema,
  documentId: idSchema,
  noteTakerIds: z.array(idSchema),
  createdAt: isoDateSchema,
});
export type MeetingNotes = z.infer<typeof meetingNotesSchema>;
/** `POST /api/meetings/:id/notes` body: the presenter opts in and chooses who takes notes (themselves included or not). */
export const optInNotesBodySchema = z.strictObject({
  noteTakerIds: z.array(idSchema).max(10),
});
export const meetingNotesResponseSchema = z.object({ notes: meetingNotesSchema });
export const meetingNotesListSchema = z.object({ notes: z.array(meetingNotesSchema) });
