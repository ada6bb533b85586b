import { z } from 'zod';
import { LIMITS } from '../limits.ts';
import { displayNameSchema, emailSchema, idSchema, isoDateSchema } from './common.ts';
import { organisationSchema, organisationTagSchema } from './organisations.ts';

/** `POST /api/auth/register` body. */
export const registerBodySchema = z.strictObject({
  email: emailSchema,
  password: z
    .string()
    .min(LIMITS.passwordMinLength, `must be at least ${LIMITS.passwordMinLength} characters`)
    .max(LIMITS.passwordMaxLength),
  displayName: displayNameSchema,
});
export type RegisterBody = z.infer<typeof registerBodySchema>;

/** `POST /api/auth/login` body. */
export const loginBodySchema = z.strictObject({
  email: emailSchema,
  password: z.string().min(1, 'enter your password').max(LIMITS.passwordMaxLength),
});
export type LoginBody = z.infer<typeof loginBodySchema>;

/** Whether a person's claim to work for their organisation has been confirmed by its admins. */
export const ORGANISATION_STATUSES = ['none', 'pending', 'confirmed'] as const;

/** A signed-in person as the API shows them to themselves. */
export const userSchema = z.object({
  id: idSchema,
  email: z.string(),
  displayName: z.string(),
  organisation: organisationSchema.nullable(),
  organisationStatus: z.enum(ORGANISATION_STATUSES),
  /** Whether the person has shown they hold the mailbox (a link, or a single sign-on provider that says so). */
  emailVerified: z.boolean(),
  /** Whether this person is a platform administrator (PLATFORM_ADMINS, with a verified address). */
  platformAdmin: z.boolean(),
  createdAt: isoDateSchema,
});
export type User = z.infer<typeof userSchema>;

/** `{ user }`: register, login and `GET /api/me`. */
export const userResponseSchema = z.object({ user: userSchema });
export type UserResponse = z.infer<typeof userResponseSchema>;

/** How other people see someone: never their email. */
export const personSchema = z.object({
  id: idSchema,
  displayName: z.string(),
  organisation: organisationTagSchema.nullable(),
});
export type Person = z.infer<typeof personSchema>;
