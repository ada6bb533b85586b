import { z } from 'zod';
import { OPEN_DAY_LIMITS } from '../limits.ts';
import { emailSchema, idSchema, isoDateSchema, nameSchema, textSchema } from './common.ts';
import { innovationContextSchema } from './innovations.ts';

/** Where an open day stands for everyone: see `openDayPhase`. `cancelled` replaces every other phase. */
export const OPEN_DAY_PHASES = ['before', 'live', 'after', 'ended', 'cancelled'] as const;
export type OpenDayPhase = (typeof OPEN_DAY_PHASES)[number];

/** A public slug: lower-case letters, digits and dashes, as made by the server from the title. */
export const openDaySlugSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{2,80}$/, 'must be an open-day link')
  .max(81);
export const openDaySlugParamsSchema = z.strictObject({ slug: openDaySlugSchema });

/** An https (or http, for local development) link the host gives, such as the online joining link. */
export const webLinkSchema = z
  .string()
  .trim()
  .max(500)
  .pipe(z.url({ protocol: /^https?$/, message: 'must be a web link starting https://' }));

/** The person the host names as safeguarding lead for the day: shown to visitors with how to reach them. */
export const safeguardingLeadSchema = z.strictObject({
  name: nameSchema,
  email: emailSchema,
  phone: z.string().trim().max(40).optional(),
});
export type SafeguardingLead = z.infer<typeof safeguardingLeadSchema>;

/** The named contact of the take-back pack: who visitors can talk to afterwards. */
export const openDayContactSchema = z.strictObject({
  name: nameSchema,
  email: emailSchema,
  role: nameSchema.optional(),
});
export type OpenDayContact = z.infer<typeof openDayContactSchema>;

/** The "what it took" page the host fills in (the same questions as an innovation's context). */
export const whatItTookSchema = innovationContextSchema;
export type WhatItTook = z.infer<typeof whatItTookSchema>;

const detailsShape = {
  title: nameSchema,
  description: textSchema,
  startsAt: isoDateSchema,
  endsAt: isoDateSchema,
  capacity: z.number().int().min(1).max(OPEN_DAY_LIMITS.maxCapacity),
  venue: textSchema.optional(),
  accessInformation: textSchema.optional(),
  onlineJoinUrl: webLinkSchema.optional(),
  preReadDocumentIds: z.array(idSchema).max(OPEN_DAY_LIMITS.preReadDocuments).optional(),
  innovationId: idSchema.optional(),
};

/**
 * `POST /api/communities/:id/open-days` body. `roomId` takes an existing open-day room of the community; without
 * it a new open-day room is made. The safeguarding lead is required: every open day names one.
 */
export const createOpenDayBodySchema = z
  .strictObject({
    ...detailsShape,
    roomId: idSchema.optional(),
    safeguardingLead: safeguardingLeadSchema,
    whatItTook: whatItTookSchema.optional(),
    contact: openDayContactSchema.optional(),
  })
  .refine((body) => Date.parse(body.endsAt) > Date.parse(body.startsAt), {
    message: 'must end after it starts',
    path: ['endsAt'],
  });
export type CreateOpenDayBody = z.input<typeof createOpenDayBodySchema>;

/**
 * `PATCH /api/hosted-open-days/:id` body: the fields to change. A change to the title, description, times, venue,
 * access information or joining link emails everyone registered. `summary` and `recordingUrl` feed the take-back
 * pack; `null` clears an optional field.
 */
export const updateOpenDayBodySchema = z
  .strictObject({
    title: detailsShape.title,
    description: detailsShape.description,
    startsAt: detailsShape.startsAt,
    endsAt: detailsShape.endsAt,
    capacity: detailsShape.capacity,
    venue: textSchema.nullable(),
    accessInformation: textSchema.nullable(),
    onlineJoinUrl: webLinkSchema.nullable(),
    preReadDocumentIds: z.array(idSchema).max(OPEN_DAY_LIMITS.preReadDocuments),
    innovationId: idSchema.nullable(),
    safeguardingLead: safeguardingLeadSchema,
    whatItTook: whatItTookSchema,
    contact: openDayContactSchema.nullable(),
    /** The short summary the host writes for the take-back pack. */
    summary: textSchema,
    recordingUrl: webLinkSchema.nullable(),
  })
  .partial()
  .refine((body) => Object.values(body).some((value) => value !== undefined), {
    message: 'change at least one field',
  });
export type UpdateOpenDayBody = z.input<typeof updateOpenDayBodySchema>;

/** `POST /api/hosted-open-days/:id/cancellation` body: an optional reason, passed on in the email. */
export const cancelOpenDayBodySchema = z.strictObject({ reason: textSchema.optional() });
export type CancelOpenDayBody = z.input<typeof cancelOpenDayBodySchema>;

/** The times every phase starts, computed by the server from the open day's window. */
export const openDayTimesSchema = z.object({
  startsAt: isoDateSchema,
  endsAt: isoDateSchema,
  /** The live room opens (30 minutes before the start). */
  liveFrom: isoDateSchema,
  /** The live room closes and the after phase starts (30 minutes after the end). */
  liveUntil: isoDateSchema,
  /** The after phase ends, and with it every pass (14 days after `liveUntil`). */
  afterUntil: isoDateSchema,
});
export type OpenDayTimes = z.infer<typeof openDayTimesSchema>;

/** `GET /api/open-days/:slug`: what anyone may see before registering. */
export const publicOpenDaySchema = z.object({
  slug: z.string(),
  title: z.string(),
  hostOrganisation: z.object({ id: idSchema, name: z.string() }).nullable(),
  description: z.string(),
  times: openDayTimesSchema,
  venue: z.string().nullable(),
  accessInformation: z.string().nullable(),
  /** Whether the day can also be joined online (the link itself comes with the pass). */
  online: z.boolean(),
  capacity: z.number().int(),
  placesLeft: z.number().int(),
  phase: z.enum(OPEN_DAY_PHASES),
  /** Whether registration is open now (before the live window closes, and not cancelled). */
  registrationOpen: z.boolean(),
});
export type PublicOpenDay = z.infer<typeof publicOpenDaySchema>;
export const publicOpenDayResponseSchema = z.object({ openDay: publicOpenDaySchema });

/** The verified organisations a visitor may pick when registering. */
export const openDayOrganisationListSchema = z.object({
  organisations: z.array(z.object({ id: idSchema, name: z.string() })),
});

/** What the caller may do with an open day they can see as a host. */
export const openDayAbilitiesSchema = z.object({ host: z.boolean() });
export type OpenDayAbilities = z.infer<typeof openDayAbilitiesSchema>;

/** An open day as its hosts see it. */
export const hostedOpenDaySchema = z.object({
  id: idSchema,
  communityId: idSchema,
  roomId: idSchema,
  /** The live room's document, for the host's editor and position. */
  documentId: idSchema,
  slug: z.string(),
  /** The public registration link, to share. */
  registrationUrl: z.string(),
  title: z.string(),
  description: z.string(),
  hostOrganisation: z.object({ id: idSchema, name: z.string() }).nullable(),
  times: openDayTimesSchema,
  phase: z.enum(OPEN_DAY_PHASES),
  capacity: z.number().int(),
  placesTaken: z.number().int(),
  waiting: z.number().int(),
  venue: z.string().nullable(),
  accessInformation: z.string().nullable(),
  onlineJoinUrl: z.string().nullable(),
  preReadDocuments: z.array(z.object({ id: idSchema, title: z.string() })),
  innovationId: idSchema.nullable(),
  safeguardingLead: z.object({ name: z.string(), email: z.string(), phone: z.string().nullable() }),
  whatItTook: z.object(whatItTookSchema.shape),
  contact: z.object({ name: z.string(), email: z.string(), role: z.string().nullable() }).nullable(),
  summary: z.string(),
  recordingUrl: z.string().nullable(),
  cancelledAt: isoDateSchema.nullable(),
  /** When the registrations' personal data was deleted, after the after phase. */
  personalDataDeletedAt: isoDateSchema.nullable(),
  createdAt: isoDateSchema,
  abilities: openDayAbilitiesSchema,
});
export type HostedOpenDay = z.infer<typeof hostedOpenDaySchema>;
export const hostedOpenDayResponseSchema = z.object({ openDay: hostedOpenDaySchema });
export const hostedOpenDayListSchema = z.object({ openDays: z.array(hostedOpenDaySchema) });
