import { z } from 'zod';
import { OPEN_DAY_LIMITS } from '../limits.ts';
import { cleanText } from '../text/cleanText.ts';
import { idSchema, isoDateSchema } from './common.ts';

const questionTextSchema = z
  .string()
  .overwrite(cleanText)
  .pipe(z.string().trim().min(1, 'cannot be empty').max(OPEN_DAY_LIMITS.questionLength));
const answerTextSchema = z
  .string()
  .overwrite(cleanText)
  .pipe(z.string().trim().min(1, 'cannot be empty').max(OPEN_DAY_LIMITS.answerLength));

/**
 * `POST /api/open-day-pass/questions` body. A question whose text sets off the personal-data warning is refused
 * (422-style `validation_failed` with the warnings) unless `personalDataChecked` says the visitor has looked again;
 * it is then flagged for the host either way.
 */
export const askQuestionBodySchema = z.strictObject({
  text: questionTextSchema,
  personalDataChecked: z.boolean().default(false),
});
export type AskQuestionBody = z.input<typeof askQuestionBodySchema>;

/** Where a question stands in moderation. Only `approved` (and `answered`) ever reach other visitors. */
export const QUESTION_STATUSES = ['pending', 'approved', 'answered', 'rejected', 'merged'] as const;
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];

/** A question as every visitor sees it: only approved or answered ones, never who asked. */
export const publicQuestionSchema = z.object({
  id: idSchema,
  openDayId: idSchema,
  text: z.string(),
  answer: z.string().nullable(),
  votes: z.number().int(),
  /** Whether the caller's pass has voted for it (false for hosts). */
  votedByMe: z.boolean(),
  approvedAt: isoDateSchema,
});
export type PublicQuestion = z.infer<typeof publicQuestionSchema>;

/** A question its own asker sees, whatever its status. */
export const ownQuestionSchema = z.object({
  id: idSchema,
  text: z.string(),
  status: z.enum(QUESTION_STATUSES),
  answer: z.string().nullable(),
  askedAt: isoDateSchema,
});
export type OwnQuestion = z.infer<typeof ownQuestionSchema>;

/** `GET /api/open-day-pass/questions`: the approved questions (by votes) and the caller's own. */
export const passQuestionsSchema = z.object({
  questions: z.array(publicQuestionSchema),
  mine: z.array(ownQuestionSchema),
});
export const ownQuestionResponseSchema = z.object({ question: ownQuestionSchema });
export const publicQuestionResponseSchema = z.object({ question: publicQuestionSchema });
export const questionParamsSchema = z.strictObject({ id: idSchema });

/** A question in the host's queue. */
export const hostQuestionSchema = z.object({
  id: idSchema,
  openDayId: idSchema,
  text: z.string(),
  /** The words as the visitor wrote them, when a host has edited the question for anonymity. */
  originalText: z.string().nullable(),
  status: z.enum(QUESTION_STATUSES),
  answer: z.string().nullable(),
  votes: z.number().int(),
  /** The personal-data warning went off on the words as asked. */
  personalDataFlag: z.boolean(),
  /** For a merged question: the one it was merged into. */
  mergedIntoId: idSchema.nullable(),
  asker: z.object({ displayName: z.string(), organisationName: z.string() }).nullable(),
  askedAt: isoDateSchema,
});
export type HostQuestion = z.infer<typeof hostQuestionSchema>;
/** The queue, ordered by votes then age. */
export const hostQuestionListSchema = z.object({ questions: z.array(hostQuestionSchema) });
export const hostQuestionResponseSchema = z.object({ question: hostQuestionSchema });
export const hostQuestionParamsSchema = z.strictObject({ id: idSchema, questionId: idSchema });

/**
 * `POST /api/hosted-open-days/:id/questions/:questionId/moderation` body: one moderation step. `edit` changes the
 * words (to take out anything that identifies someone); `merge` folds the question, and its votes, into another.
 */
export const moderateQuestionBodySchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('approve') }),
  z.strictObject({ action: z.literal('reject') }),
  z.strictObject({ action: z.literal('edit'), text: questionTextSchema }),
  z.strictObject({ action: z.literal('answer'), answer: answerTextSchema }),
  z.strictObject({ action: z.literal('merge'), intoQuestionId: idSchema }),
]);
export type ModerateQuestionBody = z.input<typeof moderateQuestionBodySchema>;
