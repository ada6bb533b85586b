import { LIMITS } from '@common-ground/shared';
import type { AccessEvents } from '../../access/AccessEvents.ts';
import { hashPassword } from '../../auth/passwords.ts';
import type { Mailer } from '../../mail/Mailer.ts';
import { passwordResetEmail } from '../../mail/templates/accountEmails.ts';
import { UserModel } from '../../models/User.ts';
import { issueAccountToken, useAccountToken, withdrawAccountTokens } from './accountTokens.ts';
import { endUserSessions } from './userSessionsEnder.ts';

/** How long an emailed reset link works. */
export const PASSWORD_RESET_LIFETIME_MS = LIMITS.passwordResetLinkMinutes * 60_000;

/**
 * Emails a reset link when the address has an account, and does nothing otherwise. The caller answers the same either
 * way and does not wait for this, so neither the answer nor its timing tells whether an account exists.
 */
export async function sendPasswordReset(
  mailer: Mailer,
  email: string,
  linkFor: (token: string) => string,
): Promise<{ userId: string } | null> {
  const user = await UserModel.findOne({ email }, { _id: 1, email: 1 }).lean();
  if (!user) return null;
  const token = await issueAccountToken('password-reset', String(user._id), PASSWORD_RESET_LIFETIME_MS);
  await mailer.send(passwordResetEmail(user.email, linkFor(token), PASSWORD_RESET_LIFETIME_MS));
  return { userId: String(user._id) };
}

/** Sets a new password with a reset token (once), withdraws other reset links and ends every session. */
export async function resetPassword(
  accessEvents: AccessEvents,
  token: string,
  password: string,
): Promise<{ userId: string; email: string | null }> {
  const record = await useAccountToken('password-reset', token);
  const userId = String(record.userId);
  await UserModel.updateOne({ _id: userId }, { $set: { passwordHash: await hashPassword(password) } });
  await withdrawAccountTokens('password-reset', userId);
  await endUserSessions(accessEvents, userId);
  const user = await UserModel.findById(userId, { email: 1 }).lean();
  return { userId, email: user?.email ?? null };
}
