import { z } from 'zod';
import { PARTNERSHIP_LIMITS } from '../limits.ts';
import { idSchema, isoDateSchema, textSchema } from './common.ts';
import { partnershipAbilitiesSchema } from './partnerships.ts';

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
