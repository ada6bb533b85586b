import { z } from 'zod';
import { LIMITS } from '../limits.ts';
import { personSchema } from './auth.ts';
import { idSchema, isoDateSchema, nameSchema, textSchema } from './common.ts';
import { organisationSchema } from './organisations.ts';

/** Sizes of an innovation profile's lists, so the form can stop adding before the server refuses. */
export const INNOVATION_LIMITS = {
  coreFunctions: 20,
  adaptableFeatures: 20,
  evidence: 50,
  contacts: 10,
  /** Innovations listed for one community. */
  perCommunity: 200,
} as const;

/** Where an innovation stands: still being developed, independently evidenced, or spreading to other places. */
export const INNOVATION_STAGES = ['developing', 'evidenced', 'spreading'] as const;
export type InnovationStage = (typeof INNOVATION_STAGES)[number];

export const INNOVATION_STAGE_LABELS: Record<InnovationStage, string> = {
  developing: 'Developing',
  evidenced: 'Evidenced',
  spreading: 'Spreading',
};

/** Kinds of evidence, strongest claim to independence first; none is hidden or ranked on the page. */
export const EVIDENCE_KINDS = [
  'independent impact evaluation',
  'process evaluation',
  'local monitoring',
  'testimony',
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** What the evidence found; null and negative findings are shown as plainly as positive ones. */
export const EVIDENCE_FINDINGS = ['positive', 'mixed', 'null', 'negative'] as const;
export type EvidenceFinding = (typeof EVIDENCE_FINDINGS)[number];

export const EVIDENCE_FINDING_LABELS: Record<EvidenceFinding, string> = {
  positive: 'Positive finding',
  mixed: 'Mixed finding',
  null: 'No effect found (null finding)',
  negative: 'Negative finding',
};

/** The id of an item in one of the profile's lists; the server gives new items one. */
const itemIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9-]{1,40}$/, 'must be an item id')
  .optional();

/** Free text that must say something. */
const requiredText = textSchema.refine((text) => text.trim().length > 0, { message: 'cannot be empty' });

/** A core function, written as what it achieves ("help the same day, without an appointment"), not as a form. */
export const coreFunctionSchema = z.strictObject({
  id: itemIdSchema,
  title: nameSchema,
  achieves: requiredText,
});

/** A feature a recipient may adapt, and why it can be. */
export const adaptableFeatureSchema = z.strictObject({
  id: itemIdSchema,
  title: nameSchema,
  why: requiredText,
});

/** One piece of evidence, whatever it found. */
export const evidenceSchema = z.strictObject({
  id: itemIdSchema,
  claim: requiredText,
  kind: z.enum(EVIDENCE_KINDS),
  finding: z.enum(EVIDENCE_FINDINGS),
  conditions: textSchema.optional(),
  cost: textSchema.optional(),
  source: nameSchema,
  sourceUrl: z
    .url({ protocol: /^https?$/, message: 'must be a web address starting https:// or http://' })
    .max(LIMITS.textLength)
    .optional(),
  /** When it was published or gathered, as a calendar date. */
  date: z.iso.date('must be a date such as 2024-03-31'),
});

/** The "what it took" page. */
export const innovationContextSchema = z.strictObject({
  size: textSchema.default(''),
  commissioning: textSchema.default(''),
  staffing: textSchema.default(''),
  cost: textSchema.default(''),
  nonNegotiable: textSchema.default(''),
  doDifferently: textSchema.default(''),
});
export type InnovationContext = z.infer<typeof innovationContextSchema>;

/** The parts of a profile its source organisation writes, as a request carries them. */
const contentShape = {
  name: nameSchema,
  summary: requiredText,
  vision: textSchema,
  coreFunctions: z.array(coreFunctionSchema).max(INNOVATION_LIMITS.coreFunctions),
  adaptableFeatures: z.array(adaptableFeatureSchema).max(INNOVATION_LIMITS.adaptableFeatures),
  /** The licence terms of a licensed model; null when there are none. */
  fixedRequirements: textSchema.nullable(),
  evidence: z.array(evidenceSchema).max(INNOVATION_LIMITS.evidence),
  context: innovationContextSchema,
  contacts: z.array(idSchema).max(INNOVATION_LIMITS.contacts),
  stage: z.enum(INNOVATION_STAGES),
};

/** The fields a change can touch, in the order the profile shows them. */
export const INNOVATION_FIELDS = Object.keys(contentShape) as (keyof typeof contentShape)[];
export type InnovationField = (typeof INNOVATION_FIELDS)[number];

/** `POST /api/communities/:id/innovations` body: the source organisation, a name and a summary, the rest optional. */
export const createInnovationBodySchema = z.strictObject({
  sourceOrganisationId: idSchema,
  name: contentShape.name,
  summary: contentShape.summary,
  vision: contentShape.vision.default(''),
  coreFunctions: contentShape.coreFunctions.default([]),
  adaptableFeatures: contentShape.adaptableFeatures.default([]),
  fixedRequirements: contentShape.fixedRequirements.default(null),
  evidence: contentShape.evidence.default([]),
  context: contentShape.context.default({
    size: '',
    commissioning: '',
    staffing: '',
    cost: '',
    nonNegotiable: '',
    doDifferently: '',
  }),
  contacts: contentShape.contacts.default([]),
  stage: contentShape.stage.default('developing'),
});
export type CreateInnovationBody = z.input<typeof createInnovationBodySchema>;

/**
 * `PATCH /api/innovations/:id` body: the fields to replace, and the revision they were read at, so a change made
 * meanwhile by a colleague is never silently overwritten (409).
 */
export const updateInnovationBodySchema = z
  .strictObject({ revision: z.number().int().min(1), ...z.object(contentShape).partial().shape })
  .refine((body) => INNOVATION_FIELDS.some((field) => body[field] !== undefined), {
    message: 'change at least one field',
  });
export type UpdateInnovationBody = z.input<typeof updateInnovationBodySchema>;

/** What the caller may do with one innovation, as `innovationAbilities` decided on the server. */
export const innovationAbilitiesSchema = z.object({ view: z.boolean(), edit: z.boolean() });
export type InnovationAbilities = z.infer<typeof innovationAbilitiesSchema>;

/** An innovation profile, owned by its source organisation. */
export const innovationSchema = z.object({
  id: idSchema,
  communityId: idSchema,
  sourceOrganisation: organisationSchema,
  name: z.string(),
  summary: z.string(),
  vision: z.string(),
  coreFunctions: z.array(z.object(coreFunctionSchema.shape).extend({ id: z.string() })),
  adaptableFeatures: z.array(z.object(adaptableFeatureSchema.shape).extend({ id: z.string() })),
  fixedRequirements: z.string().nullable(),
  evidence: z.array(z.object(evidenceSchema.shape).extend({ id: z.string() })),
  context: z.object(innovationContextSchema.shape),
  contacts: z.array(personSchema),
  stage: z.enum(INNOVATION_STAGES),
  /** Goes up by one with every change; a PATCH names the revision it was made from. */
  revision: z.number().int(),
  createdAt: isoDateSchema,
  updatedAt: isoDateSchema,
  abilities: innovationAbilitiesSchema,
});
export type Innovation = z.infer<typeof innovationSchema>;
export type Evidence = Innovation['evidence'][number];
export const innovationResponseSchema = z.object({ innovation: innovationSchema });

/** A community's innovations, and whether the caller may add one for their own organisation. */
export const innovationListSchema = z.object({
  innovations: z.array(innovationSchema),
  abilities: z.object({ create: z.boolean() }),
});

/** One entry of an innovation's history: who changed which fields, when, and what each change was. */
export const innovationChangeSchema = z.object({
  id: idSchema,
  revision: z.number().int(),
  changedAt: isoDateSchema,
  changedBy: personSchema,
  changes: z.array(z.object({ field: z.enum(INNOVATION_FIELDS), summary: z.string() })),
});
export type InnovationChange = z.infer<typeof innovationChangeSchema>;
export const innovationHistorySchema = z.object({ history: z.array(innovationChangeSchema) });
