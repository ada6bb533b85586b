import { z } from 'zod';
import { COMMUNITY_ROLES } from '../permissions/roles.ts';
import { personSchema } from './auth.ts';
import { idSchema, isoDateSchema } from './common.ts';
import { cleanText } from '../text/cleanText.ts';

/** Sizes of a set's ground rules. */
export const GROUND_RULES_LIMITS = { rules: 20, ruleLength: 600 } as const;

/**
 * Where a set's contracting starts: the facilitators edit these into the set's own rules. Confidentiality states its
 * limit in plain words, because a concern about a child or about an adult who works with children must leave the set.
 */
export const SUGGESTED_GROUND_RULES: readonly string[] = [
  'What is said in the set stays in the set. We do not repeat it outside, and we do not say who said it.',
  'Confidentiality has one limit. A concern about a child, or about an adult who works with children, does not stay in the set: it goes through your own agency’s safeguarding route, including the local authority designated officer (LADO).',
  'We ask questions rather than give advice. The presenter owns their problem and what they do about it.',
  'We do not use the names or any identifying details of children or families, in what we say or what we write.',
];

/** What the caller may do about a set, sent with the set so the page never re-derives it. */
export const learningSetAbilitiesSchema = z.object({
  seePeople: z.boolean(),
  manage: z.boolean(),
  agree: z.boolean(),
});

/** A learning set's contracting state for the caller, carried on its room. */
export const learningSetStateSchema = z.object({
  abilities: learningSetAbilitiesSchema,
  /** The ground rules in force (a new revision each time they change or someone joins); null until written. */
  groundRulesRevision: z.number().int().positive().nullable(),
  /** Whether the caller agreed to that revision. */
  agreed: z.boolean(),
});
export type LearningSetState = z.infer<typeof learningSetStateSchema>;

/** One of a set's people, with whether they agreed to the ground rules in force. */
export const setMemberSchema = z.object({
  userId: idSchema,
  role: z.enum(COMMUNITY_ROLES),
  addedAt: isoDateSchema,
  agreed: z.boolean(),
  person: personSchema,
  /** What the caller may do about this person (setMemberAbilities). */
  abilities: z.object({ changeRole: z.boolean(), remove: z.boolean(), leave: z.boolean() }),
});
export type SetMember = z.infer<typeof setMemberSchema>;
export const setMemberListSchema = z.object({
  members: z.array(setMemberSchema),
  set: learningSetStateSchema,
});
export const setMemberResponseSchema = z.object({ member: setMemberSchema });

/** `POST /api/rooms/:id/members` body: add someone from the community, or change their role. */
export const putSetMemberBodySchema = z.strictObject({ userId: idSchema, role: z.enum(COMMUNITY_ROLES) });
export type PutSetMemberBody = z.infer<typeof putSetMemberBodySchema>;
export const setMemberParamsSchema = z.strictObject({ id: idSchema, userId: idSchema });

/** One ground rule: cleaned text, non-empty, bounded. */
const ruleSchema = z
  .string()
  .overwrite((text) => cleanText(text).trim())
  .min(1, 'cannot be empty')
  .max(GROUND_RULES_LIMITS.ruleLength);

/** `PUT /api/rooms/:id/ground-rules` body. */
export const writeGroundRulesBodySchema = z.strictObject({
  rules: z.array(ruleSchema).min(1, 'write at least one rule').max(GROUND_RULES_LIMITS.rules),
});
export type WriteGroundRulesBody = z.infer<typeof writeGroundRulesBodySchema>;

/** The ground rules in force. */
export const groundRulesSchema = z.object({
  revision: z.number().int().positive(),
  rules: z.array(z.string()),
  changedAt: isoDateSchema,
});
export type GroundRules = z.infer<typeof groundRulesSchema>;
export const groundRulesResponseSchema = z.object({
  groundRules: groundRulesSchema.nullable(),
  set: learningSetStateSchema,
});

/** `POST /api/rooms/:id/ground-rules/agreement` body: the revision the person read, so nobody agrees to unseen rules. */
export const agreeToGroundRulesBodySchema = z.strictObject({ revision: z.number().int().positive() });
