import type { DigestFrequency, MailPreferences, OptionalEmailKind } from '@common-ground/shared';
import { trusted } from '../database/trusted.ts';
import { MailPreferenceModel } from '../models/MailPreference.ts';

/** What someone who never changed anything gets: mention and join-request emails, and a weekly digest. */
export const DEFAULT_MAIL_PREFERENCES: MailPreferences = {
  mentionEmails: true,
  joinRequestEmails: true,
  digest: 'weekly',
};

/** One person's email preferences, the defaults filled in. */
export async function mailPreferencesOf(userId: string): Promise<MailPreferences> {
  const stored = await MailPreferenceModel.findOne({ userId }).lean();
  if (!stored) return { ...DEFAULT_MAIL_PREFERENCES };
  return {
    mentionEmails: stored.mentionEmails,
    joinRequestEmails: stored.joinRequestEmails,
    digest: stored.digest as DigestFrequency,
  };
}

/** Whether a person wants one kind of optional email (a digest of either frequency counts as wanted). */
export async function wantsEmail(userId: string, kind: OptionalEmailKind): Promise<boolean> {
  const preferences = await mailPreferencesOf(userId);
  if (kind === 'mention') return preferences.mentionEmails;
  if (kind === 'join-request') return preferences.joinRequestEmails;
  return preferences.digest !== 'off';
}

/** Each person's digest frequency, the default for those who never chose. */
export async function digestFrequencies(userIds: string[]): Promise<Map<string, DigestFrequency>> {
  const stored = await MailPreferenceModel.find(
    { userId: trusted({ $in: userIds }) },
    { userId: 1, digest: 1 },
  ).lean();
  const chosen = new Map(stored.map((entry) => [String(entry.userId), entry.digest as DigestFrequency]));
  return new Map(userIds.map((id) => [id, chosen.get(id) ?? DEFAULT_MAIL_PREFERENCES.digest]));
}
