import { z } from 'zod';
import { linkTokenSchema } from './accountEmails.ts';

/** `POST /api/auth/verify-email` body: the token from the link sent at sign-up. */
export const verifyEmailBodySchema = z.strictObject({ token: linkTokenSchema });

/** Whether single sign-on is offered here, and what its button says (e.g. "Sign in with Microsoft"). */
export const singleSignOnSchema = z.object({
  enabled: z.boolean(),
  buttonLabel: z.string().nullable(),
});
export type SingleSignOn = z.infer<typeof singleSignOnSchema>;

/** `GET /api/auth/sso/start?next=`: where in the product to land afterwards (a path on this site). */
export const startSingleSignOnQuerySchema = z.strictObject({
  next: z
    .string()
    .max(500)
    .regex(/^\/(?![/\\])/, 'must be a path on this site')
    .optional(),
});

/** `GET /api/auth/sso/callback`: what the provider sends back; checked by openid-client, not by shape alone. */
export const finishSingleSignOnQuerySchema = z.looseObject({
  code: z.string().max(2000).optional(),
  state: z.string().max(500).optional(),
  error: z.string().max(200).optional(),
});
