import { hashToken, newToken } from '../../auth/tokens.ts';
import { isDuplicateKey } from '../../database/isDuplicateKey.ts';
import { AppError } from '../../errors.ts';
import { AccountTokenModel, type AccountTokenRecord } from '../../models/AccountToken.ts';
import { AccountTokenUseModel } from '../../models/AccountTokenUse.ts';

type Purpose = 'password-reset' | 'email-change' | 'email-verify';

/** Stores a new single-use token (its hash only) for a user; returns the token for the emailed link. */
export async function issueAccountToken(
  purpose: Purpose,
  userId: string,
  lifetimeMs: number,
  newEmail: string | null = null,
): Promise<string> {
  const token = newToken();
  await AccountTokenModel.create({
    _id: hashToken(token),
    purpose,
    userId,
    newEmail,
    expiresAt: new Date(Date.now() + lifetimeMs),
  });
  return token;
}

/**
 * Uses a token exactly once: it must exist for this purpose and be unexpired, and the use is a unique insert, so two
 * tabs racing with the same link cannot both succeed (a conditional update is not atomic on FerretDB 1.24).
 */
export async function useAccountToken(purpose: Purpose, token: string): Promise<AccountTokenRecord> {
  const id = hashToken(token);
  const record = await AccountTokenModel.findById(id);
  if (!record && (await AccountTokenUseModel.exists({ _id: id })))
    throw new AppError('gone', 'This link has already been used.');
  if (!record || record.purpose !== purpose)
    throw new AppError('not_found', 'This link is not valid. Check that you copied the whole link.');
  if (record.expiresAt <= new Date()) throw new AppError('gone', 'This link has expired. Ask for a new one.');
  try {
    await AccountTokenUseModel.create({ _id: id });
  } catch (error) {
    if (isDuplicateKey(error)) throw new AppError('gone', 'This link has already been used.');
    throw error;
  }
  await AccountTokenModel.deleteOne({ _id: id });
  return record;
}

/** Withdraws every unused token of a purpose for a user, e.g. older reset links once the password has changed. */
export async function withdrawAccountTokens(purpose: Purpose, userId: string): Promise<void> {
  await AccountTokenModel.deleteMany({ purpose, userId });
}
