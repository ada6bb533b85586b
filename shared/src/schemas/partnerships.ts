import { z } from 'zod';
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
