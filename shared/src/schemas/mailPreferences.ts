import { z } from 'zod';
import { displayNameSchema } from './common.ts';
import { organisationSchema } from './organisations.ts';

/** How often a person is sent their digest; the default is weekly. */
export const DIGEST_FREQUENCIES = ['off', 'daily', 'weekly'] as const;
export type DigestFrequency = (typeof DIGEST_FREQUENCIES)[number];

/**
 * The emails a person may turn off, each with an unsubscribe link that works without signing in. Account emails
 * (reset, change of address or password, invitations) are transactional and always sent.
 */
export const OPTIONAL_EMAIL_KINDS = ['mention', 'digest', 'join-request'] as const;
export type OptionalEmailKind = (typeof OPTIONAL_EMAIL_KINDS)[number];

/** Readable names of each optional email, as the settings and unsubscribe pages say them. */
export const OPTIONAL_EMAIL_NAMES: Record<OptionalEmailKind, string> = {
  mention: 'emails when someone mentions you',
  digest: 'digest emails',
  'join-request': 'emails when someone asks to join your organisation',
};

/** What email a person wants besides account emails. */
export const mailPreferencesSchema = z.object({
  /** An email when someone @mentions them. */
  mentionEmails: z.boolean(),
  /** For organisation admins: an email when someone asks to join. */
  joinRequestEmails: z.boolean(),
  digest: z.enum(DIGEST_FREQUENCIES),
});
export type MailPreferences = z.infer<typeof mailPreferencesSchema>;

/** `PATCH /api/me/preferences` body: any of the preferences. */
export const updateMailPreferencesBodySchema = mailPreferencesSchema.partial().strict();
export type UpdateMailPreferencesBody = z.infer<typeof updateMailPreferencesBodySchema>;
export const mailPreferencesResponseSchema = z.object({ preferences: mailPreferencesSchema });

/** `PATCH /api/me/profile` body. */
export const updateProfileBodySchema = z.strictObject({ displayName: displayNameSchema });
export type UpdateProfileBody = z.infer<typeof updateProfileBodySchema>;

/** One organisation the signed-in person belongs to or asked to join, and whether they may leave it. */
export const myOrganisationSchema = z.object({
  organisation: organisationSchema,
  status: z.enum(['pending', 'confirmed']),
  isAdmin: z.boolean(),
  /** Null when they may leave; otherwise why not (the last admin must appoint another first). */
  leaveProblem: z.string().nullable(),
});
export type MyOrganisation = z.infer<typeof myOrganisationSchema>;

/** `GET /api/me/settings`: email preferences and organisations for the settings page. */
export const settingsResponseSchema = z.object({
  preferences: mailPreferencesSchema,
  organisations: z.array(myOrganisationSchema),
});
export type SettingsResponse = z.infer<typeof settingsResponseSchema>;

/** An unsubscribe token from an email: the person's id, the kind of email, and a signature (HMAC-SHA256). */
export const unsubscribeParamsSchema = z.strictObject({
  token: z
    .string()
    .regex(
      /^[a-f0-9]{24}\.(mention|digest|join-request)\.[A-Za-z0-9_-]{43}$/,
      'must be the code from the link',
    ),
});

/** What an unsubscribe link turns off. */
export const unsubscribeResponseSchema = z.object({ kind: z.enum(OPTIONAL_EMAIL_KINDS) });
