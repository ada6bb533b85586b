import { z } from 'zod';
import { PARTNERSHIP_LIMITS } from '../limits.ts';
import { idSchema, isoDateSchema, nameSchema, textSchema } from './common.ts';
import { ROOM_VISIBILITIES } from './rooms.ts';

/** `:id` of a partnership room plus `:organisationId` of one of its organisations. */
export const partnerOrganisationParamsSchema = z.strictObject({ id: idSchema, organisationId: idSchema });

const calendarDate = z.iso.date('must be a date such as 2025-03-31');

/** The two sides of a partnership. */
export const PARTNERSHIP_SIDES = ['source', 'recipient'] as const;
export type PartnershipSide = (typeof PARTNERSHIP_SIDES)[number];

/** `PATCH /api/partnerships/:id`: link the innovation it spreads, or change who may see it. */
export const updatePartnershipBodySchema = z
  .strictObject({
    innovationId: idSchema.nullable().optional(),
    visibility: z.enum(ROOM_VISIBILITIES).optional(),
  })
  .refine((body) => body.innovationId !== undefined || body.visibility !== undefined, {
    message: 'give innovationId or visibility',
  });
export type UpdatePartnershipBody = z.infer<typeof updatePartnershipBodySchema>;

// ---- The journey ----

/** The milestones of a partnership's journey; "decided not to adopt" is a considered ending, not a failure. */
export const MILESTONE_KINDS = [
  'first-conversation',
  'visit-or-open-day',
  'agreement-to-adopt',
  'pilot-start',
  'first-review',
  'embedded',
  'decided-not-to-adopt',
  'custom',
] as const;
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];

export const MILESTONE_KIND_LABELS: Record<MilestoneKind, string> = {
  'first-conversation': 'First conversation',
  'visit-or-open-day': 'Visit or open day',
  'agreement-to-adopt': 'Agreement to adopt',
  'pilot-start': 'Pilot start',
  'first-review': 'First review',
  embedded: 'Embedded',
  'decided-not-to-adopt': 'Decided not to adopt: a considered ending',
  custom: 'Other milestone',
};

/** `POST /api/partnerships/:id/milestones` body; PATCH takes any of its fields. */
export const milestoneBodySchema = z.strictObject({
  kind: z.enum(MILESTONE_KINDS),
  title: nameSchema,
  plannedFor: calendarDate.nullable().optional(),
  reachedAt: calendarDate.nullable().optional(),
  note: textSchema.optional(),
});
export type MilestoneBody = z.infer<typeof milestoneBodySchema>;
export const updateMilestoneBodySchema = milestoneBodySchema.partial();
export const milestoneParamsSchema = z.strictObject({ id: idSchema, milestoneId: idSchema });

/** One milestone of the journey. */
export const milestoneSchema = z.object({
  id: idSchema,
  kind: z.enum(MILESTONE_KINDS),
  title: z.string(),
  plannedFor: z.string().nullable(),
  reachedAt: z.string().nullable(),
  note: z.string(),
  /** A considered ending: shown as the partnership's close, never as a failure. */
  isEnding: z.boolean(),
});
export type Milestone = z.infer<typeof milestoneSchema>;

/** Contact made off the platform, logged in two clicks; it counts as two-way contact. */
export const CONTACT_KINDS = ['visit', 'call', 'meeting'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];
export const CONTACT_KIND_LABELS: Record<ContactKind, string> = {
  visit: 'Visit',
  call: 'Call',
  meeting: 'Meeting',
};

/** `POST /api/partnerships/:id/contacts` body: what kind of contact, and optionally when and a short note. */
export const logContactBodySchema = z.strictObject({
  kind: z.enum(CONTACT_KINDS),
  on: calendarDate.optional(),
  note: textSchema.optional(),
});
export type LogContactBody = z.infer<typeof logContactBodySchema>;

/** Things added to the journey by themselves, as they happen. */
export const JOURNEY_EVENT_KINDS = [
  'contact',
  'meeting-held',
  'open-day-attended',
  'document-version',
  'reflection',
  'sponsor-changed',
  'recontracted',
] as const;
export type JourneyEventKind = (typeof JOURNEY_EVENT_KINDS)[number];

/** One automatic event on the journey. */
export const journeyEventSchema = z.object({
  id: z.string(),
  kind: z.enum(JOURNEY_EVENT_KINDS),
  at: isoDateSchema,
  title: z.string(),
  note: z.string(),
  organisationName: z.string().nullable(),
});
export type JourneyEvent = z.infer<typeof journeyEventSchema>;

/** `PUT /api/partnerships/:id/sponsors/:organisationId` body: the organisation's senior sponsor. */
export const sponsorBodySchema = z.strictObject({ name: nameSchema, jobTitle: nameSchema });
export type SponsorBody = z.infer<typeof sponsorBodySchema>;

/** One organisation's senior sponsor, on the side it is on. */
export const sponsorSchema = z.object({
  organisationId: idSchema,
  organisationName: z.string(),
  side: z.enum(PARTNERSHIP_SIDES),
  name: z.string().nullable(),
  jobTitle: z.string().nullable(),
  since: isoDateSchema.nullable(),
});
export type Sponsor = z.infer<typeof sponsorSchema>;

/** What the caller may do on a partnership's pages, sent with each of them so the client never re-derives it. */
export const partnershipAbilitiesSchema = z.object({
  /** Record milestones, contacts, sponsors and reflections, and mark re-contracting done. */
  record: z.boolean(),
  /** See the partnership's health (engagement figures). */
  seeHealth: z.boolean(),
  /** Which recipient organisations' adaptation entries the caller may write. */
  adaptFor: z.array(idSchema),
  /** Whose senior sponsor the caller may name: their own organisation's, when they record. */
  sponsorFor: z.array(idSchema),
  /** Reply to adaptation entries for the source. */
  reply: z.boolean(),
  /** Change the linked innovation and who may see the partnership. */
  configure: z.boolean(),
});
export type PartnershipAbilities = z.infer<typeof partnershipAbilitiesSchema>;

/** `GET /api/partnerships/:id/journey`. */
export const journeySchema = z.object({
  milestones: z.array(milestoneSchema),
  events: z.array(journeyEventSchema),
  sponsors: z.array(sponsorSchema),
  /** Set after a sponsor changed, until a partner records that both sides have re-contracted. */
  recontract: z.object({ askedAt: isoDateSchema, reason: z.string() }).nullable(),
  abilities: partnershipAbilitiesSchema,
});
export type Journey = z.infer<typeof journeySchema>;
export const journeyResponseSchema = z.object({ journey: journeySchema });
export const milestoneResponseSchema = z.object({ milestone: milestoneSchema });
export const journeyEventResponseSchema = z.object({ event: journeyEventSchema });

// ---- The adaptation log ----

export const ADAPTATION_CHOICES = ['adopting-as-is', 'adapting', 'not-yet', 'not-adopting'] as const;
export type AdaptationChoice = (typeof ADAPTATION_CHOICES)[number];
export const ADAPTATION_CHOICE_LABELS: Record<AdaptationChoice, string> = {
  'adopting-as-is': 'Adopting as is',
  adapting: 'Adapting',
  'not-yet': 'Not yet',
  'not-adopting': 'Not adopting',
};

/** "Does this still achieve it?", asked of a core function only. */
export const STILL_ACHIEVES = ['yes', 'partly', 'no', 'not-sure'] as const;
export const STILL_ACHIEVES_LABELS: Record<(typeof STILL_ACHIEVES)[number], string> = {
  yes: 'Yes',
  partly: 'Partly',
  no: 'No',
  'not-sure': 'Not sure yet',
};

export const SETTLEMENTS = ['agreed', 'under-discussion', 'outside-the-model'] as const;
export type Settlement = (typeof SETTLEMENTS)[number];
export const SETTLEMENT_LABELS: Record<Settlement, string> = {
  agreed: 'Agreed',
  'under-discussion': 'Under discussion',
  'outside-the-model': 'Outside the model',
};

export const ADAPTATION_ITEM_KINDS = ['core-function', 'adaptable-feature'] as const;
export type AdaptationItemKind = (typeof ADAPTATION_ITEM_KINDS)[number];

/** One recipient's entry for one core function or adaptable feature of the innovation. */
export const adaptationEntrySchema = z.object({
  recipientOrganisationId: idSchema,
  recipientOrganisationName: z.string(),
  itemId: z.string(),
  itemKind: z.enum(ADAPTATION_ITEM_KINDS),
  itemTitle: z.string(),
  /** What the core function achieves, or why the feature is adaptable, from the innovation profile. */
  itemPurpose: z.string(),
  choice: z.enum(ADAPTATION_CHOICES).nullable(),
  whatChanged: z.string(),
  why: z.string(),
  localContext: z.string(),
  familiesSaid: z.string(),
  stillAchieves: z.enum(STILL_ACHIEVES).nullable(),
  sourceReply: z.string(),
  recipientSettlement: z.enum(SETTLEMENTS).nullable(),
  sourceSettlement: z.enum(SETTLEMENTS).nullable(),
  /** What both sides chose, once they chose the same; null until then. */
  settled: z.enum(SETTLEMENTS).nullable(),
  /** A core function the recipient is changing: shown to both sides, as a conversation rather than a breach. */
  coreFunctionChanged: z.boolean(),
  updatedAt: isoDateSchema.nullable(),
});
export type AdaptationEntry = z.infer<typeof adaptationEntrySchema>;

/** `GET`/`PUT /api/partnerships/:id/adaptations` response. */
export const adaptationLogSchema = z.object({
  innovation: z.object({ id: idSchema, name: z.string() }).nullable(),
  entries: z.array(adaptationEntrySchema),
  abilities: partnershipAbilitiesSchema,
});
export type AdaptationLog = z.infer<typeof adaptationLogSchema>;
export const adaptationLogResponseSchema = z.object({ adaptations: adaptationLogSchema });

/**
 * One change to an entry. The recipient writes the choice and its story; the source writes its reply; each side
 * writes its own settlement (`settlement`), and the entry is settled when both say the same.
 */
export const adaptationChangeSchema = z.strictObject({
  recipientOrganisationId: idSchema,
  itemId: z.string().min(1).max(64),
  choice: z.enum(ADAPTATION_CHOICES).optional(),
  whatChanged: textSchema.optional(),
  why: textSchema.optional(),
  localContext: textSchema.optional(),
  familiesSaid: textSchema.optional(),
  stillAchieves: z.enum(STILL_ACHIEVES).optional(),
  sourceReply: textSchema.optional(),
  settlement: z.enum(SETTLEMENTS).optional(),
});
export type AdaptationChange = z.infer<typeof adaptationChangeSchema>;
export const putAdaptationsBodySchema = z.strictObject({
  entries: z.array(adaptationChangeSchema).min(1).max(PARTNERSHIP_LIMITS.adaptationChangesPerRequest),
});
export type PutAdaptationsBody = z.infer<typeof putAdaptationsBodySchema>;

// ---- Reflections ----

/** SCIE's Learning Together questions, in order; the last is optional. */
export const REFLECTION_QUESTIONS = [
  { key: 'hoped', label: 'What we hoped', optional: false },
  { key: 'happened', label: 'What happened', optional: false },
  { key: 'madeSense', label: 'What made sense at the time', optional: false },
  { key: 'learned', label: 'What we learned', optional: false },
  { key: 'doDifferently', label: 'What we will do differently', optional: false },
  { key: 'workingWith', label: 'What working with people would have looked like (optional)', optional: true },
] as const;
export type ReflectionQuestionKey = (typeof REFLECTION_QUESTIONS)[number]['key'];

/** The Social Discipline Window, as optional tags: nobody has to label their own work. */
export const SOCIAL_DISCIPLINE_TAGS = ['with', 'to', 'for', 'not-done'] as const;
export const SOCIAL_DISCIPLINE_TAG_LABELS: Record<(typeof SOCIAL_DISCIPLINE_TAGS)[number], string> = {
  with: 'Done with people',
  to: 'Done to people',
  for: 'Done for people',
  'not-done': 'Not done',
};

/** How the author is shown to partners and the community; facilitators always see who wrote it. */
export const REFLECTION_ANONYMITY = ['named', 'organisation', 'anonymous'] as const;
export type ReflectionAnonymity = (typeof REFLECTION_ANONYMITY)[number];
export const REFLECTION_ANONYMITY_LABELS: Record<ReflectionAnonymity, string> = {
  named: 'Show my name and organisation',
  organisation: 'Show my organisation only',
  anonymous: 'Show neither',
};

const answer = textSchema.refine((text) => text.trim().length > 0, { message: 'cannot be empty' });

/** `POST /api/partnerships/:id/reflections` body. */
export const createReflectionBodySchema = z.strictObject({
  hoped: answer,
  happened: answer,
  madeSense: answer,
  learned: answer,
  doDifferently: answer,
  workingWith: textSchema.optional(),
  tags: z.array(z.enum(SOCIAL_DISCIPLINE_TAGS)).max(4).optional(),
  anonymity: z.enum(REFLECTION_ANONYMITY),
  shareWithCommunity: z.boolean().optional(),
  /** The author saw the warnings about this text and shares it anyway. */
  acknowledgedWarnings: z.boolean().optional(),
});
export type CreateReflectionBody = z.infer<typeof createReflectionBodySchema>;

/** `PATCH /api/reflections/:id` body: share with the community, or take it back to the partners. */
export const shareReflectionBodySchema = z.strictObject({
  sharedWithCommunity: z.boolean(),
  acknowledgedWarnings: z.boolean().optional(),
});

/** A reflection as the caller may see it. */
export const reflectionSchema = z.object({
  id: idSchema,
  roomId: idSchema,
  hoped: z.string(),
  happened: z.string(),
  madeSense: z.string(),
  learned: z.string(),
  doDifferently: z.string(),
  workingWith: z.string(),
  tags: z.array(z.enum(SOCIAL_DISCIPLINE_TAGS)),
  anonymity: z.enum(REFLECTION_ANONYMITY),
  /** Null parts are hidden by the author's choice (facilitators and the author still see them). */
  author: z.object({ displayName: z.string().nullable(), organisationName: z.string().nullable() }),
  sharedWithCommunity: z.boolean(),
  createdAt: isoDateSchema,
  abilities: z.object({ withdraw: z.boolean(), share: z.boolean() }),
});
export type Reflection = z.infer<typeof reflectionSchema>;
export const reflectionResponseSchema = z.object({ reflection: reflectionSchema });
export const reflectionListSchema = z.object({
  reflections: z.array(reflectionSchema),
  abilities: partnershipAbilitiesSchema.nullable(),
});

// ---- Engagement ----

/** `GET /api/partnerships/:id/engagement`: figures for the partnership's own people and facilitators only. */
export const engagementSchema = z.object({
  /** Whole days since both sides were last heard from (a logged contact counts for both); null: never. */
  daysSinceTwoWayContact: z.number().int().nullable(),
  lastTwoWayContactAt: isoDateSchema.nullable(),
  /** The last 12 calendar months (UTC), oldest first: activity counted per organisation. */
  months: z.array(
    z.object({
      month: z.string(),
      counts: z.array(
        z.object({ organisationId: idSchema, organisationName: z.string(), count: z.number() }),
      ),
    }),
  ),
  /** Median hours from a recipient's question to its first answer, to one decimal; null: none answered. */
  medianHoursToFirstAnswer: z.number().nullable(),
  /** Recipients' questions still without an answer after more than 7 days. */
  questionsUnansweredOver7Days: z.number().int(),
  /** Days without two-way contact after which both sides are asked for a check-in. */
  quietAfterDays: z.number().int(),
});
export type Engagement = z.infer<typeof engagementSchema>;
export const engagementResponseSchema = z.object({ engagement: engagementSchema });
