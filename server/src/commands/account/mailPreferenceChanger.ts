import type { MailPreferences, OptionalEmailKind, UpdateMailPreferencesBody } from '@common-ground/shared';
import { isDuplicateKey } from '../../database/isDuplicateKey.ts';
import { MailPreferenceModel } from '../../models/MailPreference.ts';
import { DEFAULT_MAIL_PREFERENCES, mailPreferencesOf } from '../../queries/mailPreferences.ts';

/** Changes some of a person's email preferences; the others keep their value (or default). */
export async function changeMailPreferences(
  userId: string,
  changes: UpdateMailPreferencesBody,
): Promise<MailPreferences> {
  const update = {
    $set: { ...changes, updatedAt: new Date() },
    $setOnInsert: { userId },
  };
  const defaults = Object.fromEntries(
    Object.entries(DEFAULT_MAIL_PREFERENCES).filter(([key]) => !(key in changes)),
  );
  const upsert = () =>
    MailPreferenceModel.updateOne(
      { userId },
      { ...update, $setOnInsert: { ...update.$setOnInsert, ...defaults } },
      { upsert: true },
    );
  try {
    await upsert();
  } catch (error) {
    // Two first changes at once: one inserted the document, so the other now simply updates it.
    if (!isDuplicateKey(error)) throw error;
    await upsert();
  }
  return mailPreferencesOf(userId);
}

/** Turns off one kind of optional email, as its unsubscribe link does. */
export function turnOffEmail(userId: string, kind: OptionalEmailKind): Promise<MailPreferences> {
  if (kind === 'mention') return changeMailPreferences(userId, { mentionEmails: false });
  if (kind === 'join-request') return changeMailPreferences(userId, { joinRequestEmails: false });
  return changeMailPreferences(userId, { digest: 'off' });
}
