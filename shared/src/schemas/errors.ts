import { z } from 'zod';

/** Machine-readable error codes shared by HTTP responses, socket acknowledgements and the client. */
export const ERROR_CODES = [
  'bad_request',
  'validation_failed',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'gone',
  'payload_too_large',
  'rate_limited',
  'origin_refused',
  'unavailable',
  'mail_not_configured',
  // An open-day pass asked for something of another phase (details.phase, details.availableFrom/availableUntil).
  'wrong_phase',
  /** A learning set's member has not agreed to the ground rules in force, so may not join its meetings yet. */
  'ground_rules',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The body of every error the API returns. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
