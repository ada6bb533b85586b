import { z } from 'zod';
import { idSchema, isoDateSchema } from './common.ts';

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
