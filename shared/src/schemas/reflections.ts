import { z } from 'zod';
import { idSchema, isoDateSchema, textSchema } from './common.ts';
import { partnershipAbilitiesSchema } from './partnerships.ts';

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
