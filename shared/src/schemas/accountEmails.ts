import { z } from 'zod';
import { LIMITS } from '../limits.ts';
import { registerBodySchema } from './auth.ts';
import { emailSchema, isoDateSchema } from './common.ts';

/** A token from an emailed link: URL-safe base64, nothing else. */
export const linkTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'must be the code from the link');

/** `POST /api/auth/password-reset` body. */
export const passwordResetRequestBodySchema = z.strictObject({ email: emailSchema });
export type PasswordResetRequestBody = z.infer<typeof passwordResetRequestBodySchema>;

/** `POST /api/auth/password-reset/complete` body: the token from the link and the new password. */
export const passwordResetBodySchema = z.strictObject({
  token: linkTokenSchema,
  password: registerBodySchema.shape.password,
});
export type PasswordResetBody = z.infer<typeof passwordResetBodySchema>;

/** `POST /api/me/password` body. */
export const changePasswordBodySchema = z.strictObject({
  currentPassword: z.string().min(1, 'enter your current password').max(LIMITS.passwordMaxLength),
  newPassword: registerBodySchema.shape.password,
});
export type ChangePasswordBody = z.infer<typeof changePasswordBodySchema>;

/** `POST /api/me/email` body: the new address, and the password to show it is really the account holder. */
export const changeEmailBodySchema = z.strictObject({
  email: emailSchema,
  password: z.string().min(1, 'enter your password').max(LIMITS.passwordMaxLength),
});
export type ChangeEmailBody = z.infer<typeof changeEmailBodySchema>;

/** `POST /api/auth/email-change/confirm` body. */
export const confirmEmailChangeBodySchema = z.strictObject({ token: linkTokenSchema });
export type ConfirmEmailChangeBody = z.infer<typeof confirmEmailChangeBodySchema>;

/** `{ email }`: the address an account now uses. */
export const emailResponseSchema = z.object({ email: z.string() });

/** One email the development outbox kept. */
export const outboxMessageSchema = z.object({
  kind: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  sentAt: isoDateSchema,
});
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;
export const outboxResponseSchema = z.object({ messages: z.array(outboxMessageSchema) });
