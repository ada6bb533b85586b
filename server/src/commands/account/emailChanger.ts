import { LIMITS } from '@common-ground/shared';
import type { UserCaller } from '../../auth/Caller.ts';
import { isDuplicateKey } from '../../database/isDuplicateKey.ts';
import { AppError } from '../../errors.ts';
import type { Mailer } from '../../mail/Mailer.ts';
import { confirmEmailChangeEmail } from '../../mail/templates/accountEmails.ts';
import { UserModel } from '../../models/User.ts';
import { issueAccountToken, useAccountToken, withdrawAccountTokens } from './accountTokens.ts';

/** How long the link confirming a new address works. */
export const EMAIL_CHANGE_LIFETIME_MS = LIMITS.emailChangeLinkHours * 3_600_000;

const taken = () =>
  new AppError('conflict', 'An account with that email address already exists.', {
    fields: { email: 'An account with that email address already exists' },
  });

/** Emails a confirmation link to the new address; the account keeps its address until the link is used. */
export async function requestEmailChange(
  mailer: Mailer,
  caller: UserCaller,
  newEmail: string,
  linkFor: (token: string) => string,
): Promise<void> {
  if (newEmail === caller.user.email)
    throw new AppError('validation_failed', 'That is already your email address.', {
      fields: { email: 'That is already your email address' },
    });
  if (await UserModel.exists({ email: newEmail })) throw taken();
  // Only the latest request counts: an older link to another address stops working.
  await withdrawAccountTokens('email-change', caller.user.id);
  const token = await issueAccountToken('email-change', caller.user.id, EMAIL_CHANGE_LIFETIME_MS, newEmail);
  await mailer.send(confirmEmailChangeEmail(newEmail, linkFor(token), EMAIL_CHANGE_LIFETIME_MS));
}

/** Moves the account to the confirmed address (once); returns both addresses, so the old one can be told. */
export async function confirmEmailChange(
  token: string,
): Promise<{ userId: string; email: string; previousEmail: string }> {
  const record = await useAccountToken('email-change', token);
  const userId = String(record.userId);
  const newEmail = record.newEmail ?? '';
  const user = await UserModel.findById(userId, { email: 1 }).lean();
  if (!user || !newEmail) throw new AppError('not_found', 'This link is not valid.');
  try {
    await UserModel.updateOne({ _id: userId }, { $set: { email: newEmail, emailVerifiedAt: new Date() } });
  } catch (error) {
    if (isDuplicateKey(error)) throw taken();
    throw error;
  }
  return { userId, email: newEmail, previousEmail: user.email };
}
