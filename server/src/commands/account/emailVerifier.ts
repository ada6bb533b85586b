import { LIMITS } from '@common-ground/shared';
import { AppError } from '../../errors.ts';
import type { Mailer } from '../../mail/Mailer.ts';
import { verifyEmailEmail } from '../../mail/templates/identityEmails.ts';
import { UserModel } from '../../models/User.ts';
import { issueAccountToken, useAccountToken, withdrawAccountTokens } from './accountTokens.ts';

/** How long the link verifying the address given at sign-up works. */
export const EMAIL_VERIFICATION_LIFETIME_MS = LIMITS.emailVerificationLinkHours * 3_600_000;

/** Emails a link that verifies the account's current address; an older link stops working. */
export async function sendEmailVerification(
  mailer: Mailer,
  user: { id: string; email: string },
  linkFor: (token: string) => string,
): Promise<void> {
  await withdrawAccountTokens('email-verify', user.id);
  const token = await issueAccountToken('email-verify', user.id, EMAIL_VERIFICATION_LIFETIME_MS, user.email);
  await mailer.send(verifyEmailEmail(user.email, linkFor(token), EMAIL_VERIFICATION_LIFETIME_MS));
}

/**
 * Marks the address verified (once). The link verifies the address it was sent to: if the account has moved to
 * another address since, it proves nothing about the new one and is refused.
 */
export async function verifyEmail(token: string): Promise<{ userId: string; email: string }> {
  const record = await useAccountToken('email-verify', token);
  const userId = String(record.userId);
  const user = await UserModel.findById(userId, { email: 1 }).lean();
  if (!user || user.email !== record.newEmail)
    throw new AppError('gone', 'This link was for an address the account no longer uses.');
  await markEmailVerified(userId);
  return { userId, email: user.email };
}

/** Records that the person holds their current mailbox (a link they used, or a provider that vouched for it). */
export async function markEmailVerified(userId: string): Promise<void> {
  await UserModel.updateOne(
    { _id: userId, emailVerifiedAt: null },
    { $set: { emailVerifiedAt: new Date() } },
  );
}
